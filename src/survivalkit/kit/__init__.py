"""The kit: its data model, reading YAML with positions, loading and layering kits, the parse cache."""
