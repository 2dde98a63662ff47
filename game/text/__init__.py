"""The terminal shell: the whole game in a terminal, over the same engine (`python main.py play --text`)."""
