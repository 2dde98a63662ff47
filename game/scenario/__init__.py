"""The scenario format: what authors write, how it is loaded, and how it is checked before play."""
