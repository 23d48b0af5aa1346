#!/usr/bin/env python3
"""Edit-to-reload latency of 'sitegen serve' (issue 12): bench/scale.sh runs it against a serving process.

usage: serve-latency.py URL FILE EDITS
Listens to the server's reload events (/_sitegen/events, as an open page does), then EDITS times changes FILE (the
gas-boiler fixed cost 5xx <-> 6xx EUR/year, as the CLI incremental run does) and measures from just before the write
to the reload event. Prints one latency in ms per line.
"""
import http.client, re, sys, threading, time

url, target, edits = sys.argv[1], sys.argv[2], int(sys.argv[3])
host, port = re.match(r'http://([\d.]+):(\d+)/', url).groups()
conn = http.client.HTTPConnection(host, int(port))
conn.request('GET', '/_sitegen/events')
stream = conn.getresponse()
events = []

def listen():
    for line in iter(stream.fp.readline, b''):
        if line.startswith(b'data:'):
            events.append(time.monotonic())

threading.Thread(target=listen, daemon=True).start()
time.sleep(1.0)  # the first event is the current version; let it pass
pattern = re.compile(r'(id: gas_fixed, label: Vaste kosten gasaansluiting en onderhoud ketel, value: )([56])')
for i in range(edits):
    with open(target, encoding='utf-8') as f:
        text = f.read()
    seen = len(events)
    start = time.monotonic()
    with open(target, 'w', encoding='utf-8') as f:
        f.write(pattern.sub(lambda m: m.group(1) + ('6' if m.group(2) == '5' else '5'), text))
    while len(events) == seen:
        if time.monotonic() - start > 60:
            sys.exit('no reload within 60 s')
        time.sleep(0.001)
    print(round((events[seen] - start) * 1000))
    time.sleep(0.5)
