"""The ``hojo-server`` commands, one module a family (see ``server.cli``)."""
