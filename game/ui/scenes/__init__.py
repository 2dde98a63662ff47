"""The window's screens, one scene each."""
