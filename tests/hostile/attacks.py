"""A corpus of hostile submissions, for the grading tests only (never part of the release).

Each attack is the source of one cell put into an otherwise untouched release
notebook, at the top of the answers. ``{root}`` is the course root, ``{port}``
a loopback port where the test listens, ``{module}`` the assignment's questions
module and ``{package}`` its package. Every one must score 0 while an honest
submission graded in the same batch scores full marks.
"""

ATTACKS = {
    # rebinding or replacing what the test cells import
    "rebind_questions": (
        "import {module} as m\n"
        "class Pass:\n    def grade(self, *a, **k):\n        return None\n    check = grade\n"
        "for n in list(vars(m)):\n    if n.startswith('q') and n[1:].isdigit():\n        setattr(m, n, Pass())\n"
    ),
    "replace_module": (
        "import sys, types\nfake = types.ModuleType('{module}')\n"
        "fake.__getattr__ = lambda name: (lambda *a, **k: None)\nsys.modules['{module}'] = fake\n"
    ),
    "patch_question_class": (
        "from pm_course.core.question import Question\nQuestion.grade = lambda *a, **k: None\n"
        "from pm_course.core import checkers\ncheckers._equal = lambda *a, **k: True\n"
    ),
    # code run through allowed libraries: deserialisation, dynamic imports
    "pickle_payload": (
        "import pickle, os\nclass P:\n    def __reduce__(self):\n"
        "        return (os.system, ('echo pwned > {root}/pwned.txt',))\n"
        "pickle.loads(pickle.dumps(P()))\n"
    ),
    "dynamic_import": (
        "mod = __import__('importlib').import_module('pm_course.core.validate')\n"
        "mod.conform = lambda value, shape, where='': value\n"
        "getattr(__builtins__, 'exec', None) and exec('import pm_course.core.checkers as c; c.Value.verify = lambda *a: None')\n"
    ),
    # reading references from question objects, modules, package files or solutions/
    "copy_question_answers": (
        "import {module} as m\n"
        "for n, q in list(vars(m).items()):\n"
        "    if hasattr(q, 'answer'):\n        globals()['answer_' + n] = q.answer\n"
        "    if hasattr(q, 'checker') and hasattr(q.checker, 'reference'):\n        globals()['answer_' + n] = q.checker.reference\n"
    ),
    "read_package_files": (
        "import pathlib, {module} as m\n"
        "src = pathlib.Path(m.__file__).read_text()\n"
        "ns = {{'__name__': '{module}', '__package__': '{package}'}}\n"
        "exec(compile(src, m.__file__, 'exec'), ns)\n"
        "for n, q in list(ns.items()):\n"
        "    if hasattr(q, 'answer'):\n        globals()['answer_' + n] = q.answer\n"
    ),
    "read_solutions": (
        "import json, pathlib\n"
        "nb = json.loads(pathlib.Path('{root}/solutions/{assignment}/{assignment}_exercise.ipynb').read_text())\n"
        "for c in nb['cells']:\n    if 'BEGIN SOLUTION' in ''.join(c['source']):\n"
        "        exec(''.join(c['source']).split('### BEGIN SOLUTION')[1].split('### END SOLUTION')[0])\n"
    ),
    # objects that claim equality, subclasses of builtins
    "equals_everything": (
        "class E:\n    value = None\n    def __eq__(self, o):\n        return True\n    __hash__ = object.__hash__\n"
        "    def __float__(self):\n        return 0.0\n"
        "for i in range(1, 30):\n    globals()[f'answer_q{{i}}'] = E()\n"
    ),
    "builtin_subclasses": (
        "class F(float):\n    def __eq__(self, o):\n        return True\n    __hash__ = float.__hash__\n"
        "class S(str):\n    def __eq__(self, o):\n        return True\n    __hash__ = str.__hash__\n"
        "class L(list):\n    def __eq__(self, o):\n        return True\n"
        "for i in range(1, 30):\n    globals()[f'answer_q{{i}}'] = [F(1.0), S('x'), L()][i % 3]\n"
    ),
    # patching builtins or exceptions
    "patch_builtins": (
        "import builtins\nbuiltins.isinstance = lambda *a: True\nbuiltins.AssertionError = type('A', (BaseException,), {{}})\n"
        "builtins.type = lambda *a: float\n"
    ),
    # exiting, killing, hanging, forking, flooding, filling the disk
    "exit_kernel": "import os\nos._exit(0)\n",
    "kill_parent": "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\nos.kill(1, signal.SIGKILL)\n",
    "hang_catching_everything": "while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass\n",
    "fork_bomb": "import os\nfor _ in range(10_000):\n    try:\n        os.fork()\n    except OSError:\n        pass\n",
    "flood_output": "import sys, os\nfor i in range(2_000_000):\n    print('flood' * 20)\nos.write(1, b'x' * 10_000_000)\n",
    "fill_disk": "with open('/tmp/fill', 'wb') as f:\n    for _ in range(10_000):\n        f.write(b'x' * 1_000_000)\n",
    # reading or writing the gradebook
    "touch_gradebook": (
        "import sqlite3\ndb = sqlite3.connect('{root}/gradebook.db')\n"
        "db.execute('UPDATE grade SET auto_score = 99')\ndb.commit()\n"
    ),
    # network access
    "network": (
        "import socket\ns = socket.create_connection(('127.0.0.1', {port}), timeout=2)\n"
        "s.sendall(b'answers please')\n"
    ),
    # a function answer that reaches back: returns an object claiming equality, or patches from inside the call
    "function_tricks": (
        "class E:\n    def __eq__(self, o):\n        return True\n"
        "def rank_by_rice(backlog):\n    import pm_course.core.checkers as c\n    c._equal = lambda *a: True\n    return E()\n"
        "def conversion_by_step(*a):\n    return E()\n"
    ),
}
