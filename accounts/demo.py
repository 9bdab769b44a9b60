"""The demo team that `load_demo` creates; with DEBUG on, the login page lists its logins."""

DEMO_PASSWORD = "parcours-demo"
DEMO_OWNER = "demo@parcours.example"
# (e-mail, name, role in the demo workspace)
DEMO_TEAM = [
    (DEMO_OWNER, "Camille Martin", "owner"),
    ("editor@parcours.example", "Élodie Garnier", "editor"),
    ("commenter@parcours.example", "Hugo Lambert", "commenter"),
    ("viewer@parcours.example", "Sarah Cohen", "viewer"),
]
