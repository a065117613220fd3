"""The runtime shared by every generated version: XML codecs, SOAP envelopes, sessions and
errors. Generated modules import it; it needs only lxml and httpx."""
