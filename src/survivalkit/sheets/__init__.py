"""Printable kit sheets, the trainers' booklet and paper forms."""
