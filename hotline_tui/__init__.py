"""The clerk's edge: the ``hotline`` command line and the Textual terminal UI."""
