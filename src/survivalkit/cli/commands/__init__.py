"""The command-line layer, one module per group of commands (they show output through ``terminal``)."""
