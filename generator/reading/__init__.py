"""Reading a raw dispatch: file formats, text repair, outline and structure extraction."""
