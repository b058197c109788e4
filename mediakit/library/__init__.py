"""The operation library: project file, undoable edits, import of originals, thumbnails."""
