"""Files written safely: atomic writes, all-or-nothing sets of files, leftovers of killed runs."""
