"""Server-rendered pages (Jinja2 + htmx) for police users, served by the API's own app.

The pages call the same service surfaces as the API (``records``, ``access``) with the
same actor, so the access policy and the audit log treat a browser and an API client
alike. Every asset is vendored in ``static/``: the pages work on an air-gapped network.
"""

from interlink.web.mount import install

__all__ = ["install"]
