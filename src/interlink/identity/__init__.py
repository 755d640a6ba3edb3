"""Identity: name normalization and search keys (the full engine comes with issue 3)."""

from interlink.identity.normalize import name_tokens, normalize_identifier, normalize_name

__all__ = ["name_tokens", "normalize_identifier", "normalize_name"]
