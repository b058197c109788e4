"""mediakit: media toolkit for the communication officers of French internal-security services.

The core (everything outside :mod:`mediakit.ui`) is Qt-free and usable from the command line.
"""

__version__ = "0.1.0"
