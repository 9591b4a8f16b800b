"""Data files of the actor dictionary (a package so that they ship in wheels)."""
