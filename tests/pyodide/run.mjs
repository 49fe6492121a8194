// Runs Python in Pyodide under Node.js, the runtime JupyterLite's Python kernel uses in the browser.
//
//   node tests/pyodide/run.mjs WHEEL HOST_DRIVE SCRIPT.py
//
// WHEEL (the pm_course wheel) is unpacked into Pyodide's site-packages, as piplite would install it.
// HOST_DRIVE (a folder on this machine) is mounted at /drive, where JupyterLite keeps a learner's files,
// so that a second run over the same folder is a page reload: a new interpreter, the same files.
// SCRIPT.py runs with /drive as its working directory; what it prints is this program's output.
// Offline: only Pyodide's core (the npm package) is used; nothing is fetched.
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadPyodide } from "pyodide";

const [wheel, hostDrive, script] = process.argv.slice(2);
if (!wheel || !hostDrive || !script) {
  console.error("usage: node tests/pyodide/run.mjs WHEEL HOST_DRIVE SCRIPT.py");
  process.exit(2);
}
const pyodide = await loadPyodide({ stdout: (s) => console.log(s), stderr: (s) => console.error(s) });
pyodide.FS.mkdirTree("/drive");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: path.resolve(hostDrive) }, "/drive");
pyodide.FS.writeFile("/tmp/pm_course.whl", readFileSync(wheel));
await pyodide.runPythonAsync(`
import site, sys, zipfile
zipfile.ZipFile("/tmp/pm_course.whl").extractall(site.getsitepackages()[0])
sys.path_importer_cache.clear()
`);
pyodide.FS.chdir("/drive");
try {
  await pyodide.runPythonAsync(readFileSync(script, "utf8"));
} catch (err) {
  console.error(String(err.message || err));
  process.exit(1);
}
