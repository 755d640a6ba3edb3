"""Interlink: national and Secretariat nodes against trafficking in human beings."""

__version__ = "0.1.0"
