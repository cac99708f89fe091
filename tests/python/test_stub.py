"""The package's .pyi stub and docstrings cover its public API."""

import ast
import inspect
import pathlib

import sitecover


def stub_names():
    tree = ast.parse((pathlib.Path(sitecover.__file__).parent / "__init__.pyi").read_text())
    names = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            names[node.name] = {n.name for n in node.body if isinstance(n, ast.FunctionDef)}
        elif isinstance(node, ast.FunctionDef):
            names[node.name] = set()
        elif isinstance(node, ast.AnnAssign):
            names[node.target.id] = set()
    return names


def test_every_public_name_is_in_the_stub_with_a_docstring():
    stub = stub_names()
    for name in sitecover.__all__:
        assert name in stub, f"{name} missing from __init__.pyi"
        item = getattr(sitecover, name)
        if name == "__version__":
            continue
        assert inspect.getdoc(item), f"{name} has no docstring"
        if inspect.isclass(item):
            for member, value in vars(item).items():
                if member.startswith("_") or not callable(value):
                    continue
                assert member in stub[name], f"{name}.{member} missing from the stub"
                assert inspect.getdoc(getattr(item, member)), f"{name}.{member}: no docstring"
