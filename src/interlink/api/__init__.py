"""The HTTP API: parse, call the area, serialize."""
