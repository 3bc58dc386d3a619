"""The guided journey (placeholder replaced below)."""
