#!/usr/bin/env python3
"""The table of scripts/run-cluster-scenarios.sh: one line per run (scenario.setup.round), from the
load tool's JSON report, the Redis counters before and after the run, and the load average."""
import json
import os
import sys


def counters(path):
    values = {}
    if not os.path.exists(path):
        return values
    for line in open(path):
        key, _, rest = line.strip().partition(':')
        if key == 'total_commands_processed':
            values[key] = int(rest)
        elif key.startswith('cmdstat_'):
            fields = dict(item.split('=') for item in rest.split(','))
            values[key[len('cmdstat_'):]] = int(fields['calls'])
    return values


def num(value, digits=1):
    return '—' if value is None or value < 0 else f'{value:.{digits}f}'


def main(out):
    loads = {}
    if os.path.exists(os.path.join(out, 'loadavg.txt')):
        for line in open(os.path.join(out, 'loadavg.txt')):
            parts = line.split()
            if 'load:' in parts:
                at = parts.index('load:')
                loads[parts[0]] = ' '.join(parts[at + 1:at + 2]) + (
                    '→' + parts[parts.index('after:') + 1] if 'after:' in parts else '')
    runs = sorted(name[:-5] for name in os.listdir(out) if name.endswith('.json') and name.count('.') == 3)
    order = {'cluster1': 0, 'cluster2': 1, 'lone': 2}
    runs.sort(key=lambda name: (name.split('.')[0], name.split('.')[2], order.get(name.split('.')[1], 9)))
    print('| run | nodes | sent | accepted | loss | p50 ms | p99 ms | p99.9 ms | deliveries/s | server CPU s (sum; per node)'
          ' | CPU % of a core | peak RSS MB | Redis cmds | Redis cmds / accepted msg | load 1 min (before→after) |')
    print('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|')
    breakdown = []
    for run in runs:
        report = json.load(open(os.path.join(out, run + '.json')))
        warm = report.get('warmup', {})
        accepted = report.get('sendsAcked', 0) + warm.get('sendsAcked', 0)
        latency = report.get('latencyMs', {})
        servers = report.get('servers') or ([report['server']] if 'server' in report else [])
        per = report.get('serverCpuSecondsPerProcess')
        cpu = num(report.get('serverCpuSeconds')) + (' (' + ' + '.join(num(c) for c in per) + ')' if per else '')
        rss = ' + '.join(num(s.get('peakRssKb', -1) / 1024, 0) for s in servers)
        before = counters(os.path.join(out, run + '.redis-before.txt'))
        after = counters(os.path.join(out, run + '.redis-after.txt'))
        commands = after.get('total_commands_processed', 0) - before.get('total_commands_processed', 0)
        if 'lone' in run or not after:
            commands_text, per_message = '—', '—'
        else:
            commands_text = str(commands)
            per_message = num(commands / accepted, 2) if accepted else '—'
            calls = {name: after[name] - before.get(name, 0) for name in after if name != 'total_commands_processed'}
            top = sorted(((n, c) for n, c in calls.items() if c > 0), key=lambda item: -item[1])
            breakdown.append((run, accepted, top))
        print(f"| {run} | {len(servers) or '?'} | {report.get('messagesSent', 0) + warm.get('messagesSent', 0)}"
              f" | {accepted} | {report.get('loss', '?')} | {num(latency.get('p50'))} | {num(latency.get('p99'))}"
              f" | {num(latency.get('p999'))} | {num(report.get('deliveriesPerSecond'), 0)} | {cpu}"
              f" | {num(report.get('serverCpuPercentOfOneCore'), 0)} | {rss} | {commands_text} | {per_message}"
              f" | {loads.get(run, '?')} |")
    print()
    print('Redis commands by name per accepted message (warm-up + measured phase; the whole load run, '
          'joins and lease renewals included):')
    print()
    for run, accepted, top in breakdown:
        parts = ', '.join(f'{name} {calls / accepted:.2f}' for name, calls in top[:8])
        print(f'- {run}: {parts}')


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '.')
