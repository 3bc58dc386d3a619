"""Every lint rule: stable id and severity; what it finds and the fix are in the message catalogue
(``rule.SKxxx.summary`` and ``rule.SKxxx.fix``, French and English, in ``i18n/messages_contrib.py``).

Errors are ``SK0xx``, warnings ``SK1xx``; ids never change meaning and are never reused. An
``info`` rule (SK190) lists what a reviewer must look at: it never fails a run, even ``--strict``.
"""

from __future__ import annotations

from survivalkit.authoring.rules.base import LOWERCASE_FILTER, rule

__all__ = ["LOWERCASE_FILTER"]

SK001 = rule("SK001", "error")
SK002 = rule("SK002", "error")
SK003 = rule("SK003", "error")
SK004 = rule("SK004", "error")
SK005 = rule("SK005", "error")
SK006 = rule("SK006", "error")
SK007 = rule("SK007", "error")
SK008 = rule("SK008", "error")
SK009 = rule("SK009", "error")
SK010 = rule("SK010", "error")
SK101 = rule("SK101", "warning")
SK102 = rule("SK102", "warning")
SK103 = rule("SK103", "warning")
SK104 = rule("SK104", "warning")
SK105 = rule("SK105", "warning")
SK106 = rule("SK106", "warning")
SK107 = rule("SK107", "warning")
SK108 = rule("SK108", "warning")
SK109 = rule("SK109", "warning")
SK110 = rule("SK110", "warning")
SK111 = rule("SK111", "warning")
SK112 = rule("SK112", "warning")
SK011 = rule("SK011", "error")
SK012 = rule("SK012", "error")
SK013 = rule("SK013", "error")
SK014 = rule("SK014", "error")
SK016 = rule("SK016", "error")
SK020 = rule("SK020", "error")
SK113 = rule("SK113", "warning")
SK114 = rule("SK114", "warning")
SK115 = rule("SK115", "warning")
SK116 = rule("SK116", "warning")
SK117 = rule("SK117", "warning")
SK015 = rule("SK015", "error")
SK118 = rule("SK118", "warning")
SK140 = rule("SK140", "error")
SK141 = rule("SK141", "warning")
SK030 = rule("SK030", "error")
SK130 = rule("SK130", "warning")
SK131 = rule("SK131", "warning")
SK132 = rule("SK132", "warning")
SK133 = rule("SK133", "warning")
SK134 = rule("SK134", "warning")
SK135 = rule("SK135", "warning")
SK136 = rule("SK136", "warning")
SK031 = rule("SK031", "error")
SK137 = rule("SK137", "warning")
SK138 = rule("SK138", "warning")
SK170 = rule("SK170", "warning")
SK180 = rule("SK180", "warning")
SK190 = rule("SK190", "info")
