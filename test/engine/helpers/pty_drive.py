# Drives a command through a pseudo-terminal: argv[1] is a JSON file
# {"cmd": [...], "cwd": "...", "steps": [[wait_for_text, keys_to_send], ...], "rows"?, "cols"?, "env"?}.
# Prints the whole (ANSI-stripped) transcript, then "EXIT <code>". Fails on a 30 s wait.
import fcntl, json, os, pty, re, select, struct, subprocess, sys, termios, time

spec = json.load(open(sys.argv[1]))
master, slave = pty.openpty()
rows, cols = spec.get("rows", 40), spec.get("cols", 120)
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
env = dict(os.environ, TERM="xterm", COLUMNS=str(cols), LINES=str(rows), **spec.get("env", {}))
proc = subprocess.Popen(spec["cmd"], cwd=spec["cwd"], stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
os.close(slave)
ansi = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
seen = ""

def pump(timeout):
    global seen
    r, _, _ = select.select([master], [], [], timeout)
    if not r:
        return False
    try:
        data = os.read(master, 65536)
    except OSError:
        return False
    if not data:
        return False
    seen += ansi.sub("", data.decode("utf8", "replace"))
    return True

cursor = 0
for wait_for, keys in spec["steps"]:
    deadline = time.time() + 30
    while True:
        idx = seen.find(wait_for, cursor)
        if idx >= 0:
            cursor = idx + len(wait_for)
            break
        if time.time() > deadline or (proc.poll() is not None and not pump(0.2)):
            print(seen)
            print("TIMEOUT waiting for %r" % wait_for)
            proc.kill()
            sys.exit(3)
        pump(0.2)
    time.sleep(0.15)
    for k in keys:
        os.write(master, k.encode())
        time.sleep(0.12)

deadline = time.time() + 30
while proc.poll() is None and time.time() < deadline:
    pump(0.2)
while pump(0.1):
    pass
print(seen)
print("EXIT %s" % proc.wait(timeout=5))
