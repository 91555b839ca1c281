"""The site's model and pages: who must do what (guidance), which document implements which (cascade),
every URL, every page."""
