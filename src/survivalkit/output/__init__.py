"""Documents out: rendering templates, output formats, typography and safe writes."""
