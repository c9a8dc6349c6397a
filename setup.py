"""The packages the wheel ships, found rather than listed (the rest is in pyproject.toml): every
package under src/ and those of the two folders the source tree maps into the package
(resources/ and migrations/, see package-dir), so a new package cannot be left out again."""

from setuptools import find_packages, setup

MAPPED = {"childcare_desktop.resources": "resources", "childcare_desktop.migrations": "migrations"}


def mapped(name: str, folder: str) -> list[str]:
    return [name, *(f"{name}.{sub}" for sub in find_packages(folder))]


setup(packages=[*find_packages("src"), *(p for n, f in MAPPED.items() for p in mapped(n, f))])
