"""The main window shell: ``window`` (small), ``actions``, ``navigation``, ``status_bar``,
``role_switcher`` (demo), ``session_monitor``, ``commands`` (what menus open), ``startup``."""
