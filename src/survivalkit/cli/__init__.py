"""The command line: the typer app, the terminal, and one module per group of commands."""
