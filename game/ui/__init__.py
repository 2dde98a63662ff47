"""The pygame window: scenes, view models, widgets and the app loop (a thin shell over the engine)."""
