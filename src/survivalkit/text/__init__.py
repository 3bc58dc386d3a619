"""Text without a kit: typography, casing mid-sentence, localized texts, safe names."""
