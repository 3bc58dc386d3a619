"""For contributors: lint rules, template analysis, validate, golden files and the new-tool scaffold."""
