"""The engine: answers, the interview state machine, triage, answer sources, tool runs and the journey."""
