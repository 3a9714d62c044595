from tests.server.structure.env import env

__all__ = ["env"]
