"""The main window's menus, one module per area of work: each builds and handles its actions."""
