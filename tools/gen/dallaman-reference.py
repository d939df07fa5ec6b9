#!/usr/bin/env python3
"""
Reference vectors for the Dalla Man-Rizza-Cobelli 2007 meal model (models/physiology/dallaman*.ts):
the SBML of BioModels BIOMD0000000379 (CC0; docs/reference/dallaman2007/) run in an independent
simulator. The script reads the SBML's own MathML (its species, parameters, assignment rules and rate
rules) with a small MathML evaluator, and integrates the resulting ODEs with SciPy's LSODA at tight
tolerances (checked against DOP853). It does not use the TypeScript transcription.

Cases: the SBML's own example as published (its initial state and kp1, Sb), and the same SBML math
with parameter values and a steady initial state for other fasting states (the basal constraints are
solved here, in Python, for the SBML's variant of the model, and the script checks that every rate is
zero at minute 0).

  python3 tools/gen/dallaman-reference.py > models/validation/dallaman2007-reference.json
(Debian: apt-get install python3-scipy python3-numpy.)
"""
import json
import math
import sys
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

import numpy as np
import scipy
from scipy.integrate import solve_ivp

SBML = 'docs/reference/dallaman2007/BIOMD0000000379.xml'
NS = {'s': 'http://www.sbml.org/sbml/level2/version4', 'm': 'http://www.w3.org/1998/Math/MathML'}
M = '{http://www.w3.org/1998/Math/MathML}'


def local(tag):
    return tag.split('}')[-1]


def evaluate(node, env):
    """Evaluates a MathML content element (the subset this SBML uses)."""
    tag = local(node.tag)
    if tag == 'math':
        return evaluate(list(node)[0], env)
    if tag == 'cn':
        return float(node.text)
    if tag == 'ci':
        return env[node.text.strip()]
    if tag != 'apply':
        raise ValueError(f'unsupported MathML element {tag}')
    op, *args = list(node)
    op = local(op.tag)
    vals = [evaluate(a, env) for a in args]
    if op == 'plus':
        return sum(vals)
    if op == 'minus':
        return -vals[0] if len(vals) == 1 else vals[0] - vals[1]
    if op == 'times':
        return math.prod(vals)
    if op == 'divide':
        return vals[0] / vals[1]
    if op == 'tanh':
        return math.tanh(vals[0])
    if op == 'exp':
        return math.exp(vals[0])
    if op == 'power':
        return vals[0] ** vals[1]
    raise ValueError(f'unsupported MathML operator {op}')


def names_in(node):
    return {e.text.strip() for e in node.iter(M + 'ci')}


class Sbml:
    def __init__(self, path):
        model = ET.parse(path).getroot().find('s:model', NS)
        self.species = {s.get('id'): float(s.get('initialAmount')) for s in model.find('s:listOfSpecies', NS)}
        self.params = {p.get('id'): float(p.get('value')) for p in model.find('s:listOfParameters', NS)}
        rules = model.find('s:listOfRules', NS)
        assign = {r.get('variable'): r.find('m:math', NS) for r in rules if local(r.tag) == 'assignmentRule'}
        self.rates = {r.get('variable'): r.find('m:math', NS) for r in rules if local(r.tag) == 'rateRule'}
        # Assignment rules in dependency order (SBML does not require them to be written in order).
        order, done = [], set()
        def visit(v, stack=()):
            if v in done:
                return
            if v in stack:
                raise ValueError(f'algebraic loop through {v}')
            for dep in names_in(assign[v]):
                if dep in assign:
                    visit(dep, stack + (v,))
            done.add(v)
            order.append(v)
        for v in assign:
            visit(v)
        self.assign = [(v, assign[v]) for v in order]
        self.state_ids = list(self.rates)
        assert set(self.state_ids) == set(self.species), 'every species has a rate rule'

    def env(self, y, params):
        env = dict(params)
        env.update(zip(self.state_ids, y))
        for v, m in self.assign:
            env[v] = evaluate(m, env)
        return env

    def rhs(self, params):
        def f(_t, y):
            env = self.env(y, params)
            return [evaluate(self.rates[v], env) for v in self.state_ids]
        return f


def basal(p, gb, ib):
    """Steady state of the SBML's variant (utilisation times (1 - part), no renal term) at Gb, Ib."""
    gpb, ipb = gb * p['V_G'], ib * p['V_I']
    ilb = (p['m_2'] + p['m_4']) * ipb / p['m_1']
    # (Sb + m2 Ipb)(1 - m6 + m5 Sb) = m1 Ilb, since HE = m6 - m5 S and m3 = HE m1 / (1 - HE).
    a, b, c = p['m_5'], 1 - p['m_6'] + p['m_5'] * p['m_2'] * ipb, p['m_2'] * ipb * (1 - p['m_6']) - p['m_1'] * ilb
    sb = (-b + math.sqrt(b * b - 4 * a * c)) / (2 * a)
    vm = (1 - p['part']) * p['V_m0']
    # vm Gt / (Km0 + Gt) = k1 Gpb - k2 Gt
    a, b, c = p['k_2'], vm + p['k_2'] * p['K_m0'] - p['k_1'] * gpb, -p['k_1'] * gpb * p['K_m0']
    gtb = (-b + math.sqrt(b * b - 4 * a * c)) / (2 * a)
    egpb = p['U_ii'] + vm * gtb / (p['K_m0'] + gtb)
    ipob = sb / p['gamma']
    kp1 = egpb + p['k_p2'] * gpb + p['k_p3'] * ib + p['k_p4'] * ipob
    state = {'G_p': gpb, 'G_t': gtb, 'I_l': ilb, 'I_p': ipb, 'I_1': ib, 'I_d': ib, 'X': 0.0, 'I_po': ipob, 'Y': 0.0,
             'Q_gut': 0.0, 'Q_sto2': 0.0}
    return {'G_b': gb, 'I_b': ib, 'S_b': sb, 'k_p1': kp1}, state


# T2D column of the paper's table as two public transcriptions give it (docs/equations.md §10.3).
T2D = {'V_G': 1.49, 'k_1': 0.042, 'k_2': 0.071, 'V_I': 0.04, 'm_1': 0.379, 'm_2': 0.673, 'm_4': 0.269, 'm_5': 0.0526,
       'm_6': 0.8118, 'k_max': 0.0465, 'k_min': 0.0076, 'k_abs': 0.023, 'k_gri': 0.0465, 'f': 0.9, 'b': 0.68, 'd': 0.09,
       'k_p2': 0.0007, 'k_p3': 0.005, 'k_p4': 0.0786, 'k_i': 0.0066, 'U_ii': 1, 'V_m0': 4.65, 'V_mX': 0.034,
       'K_m0': 466.21, 'p_2U': 0.084, 'K': 0.99, 'alpha': 0.013, 'beta': 0.05, 'gamma': 0.5, 'k_e1': 0.0007, 'k_e2': 269}


def run(model, params, y0, minutes):
    f = model.rhs(params)
    t = np.arange(minutes + 1, dtype=float)
    out = {}
    for method, tol in (('LSODA', 1e-11), ('DOP853', 1e-12)):
        sol = solve_ivp(f, (0, minutes), y0, method=method, t_eval=t, rtol=tol, atol=tol)
        assert sol.success, sol.message
        g = [model.env(sol.y[:, k], params)['G'] for k in range(len(t))]
        i = [model.env(sol.y[:, k], params)['I'] for k in range(len(t))]
        out[method] = (g, i)
    (g, i), (g2, i2) = out['LSODA'], out['DOP853']
    agree = max(max(abs(a - b) for a, b in zip(g, g2)), max(abs(a - b) for a, b in zip(i, i2)))
    return g, i, agree


def case(model, name, description, overrides, gb_ib, minutes):
    params = dict(model.params)
    params.update(overrides)
    init = dict(model.species)
    if gb_ib is not None:
        b, state = basal(params, *gb_ib)
        params.update(b)
        init.update(state)
        init['Q_sto1'] = params['D']
        steady = model.rhs(params)(0, [state.get(v, 0.0) for v in model.state_ids])
        assert max(abs(r) for r in steady) < 1e-9, f'{name}: not at steady state without a dose: {steady}'
    y0 = [init[v] for v in model.state_ids]
    g, i, agree = run(model, params, y0, minutes)
    keys = ['V_G', 'k_1', 'k_2', 'V_I', 'm_1', 'm_2', 'm_4', 'm_5', 'm_6', 'k_max', 'k_min', 'k_abs', 'k_gri', 'f', 'b',
            'd', 'k_p1', 'k_p2', 'k_p3', 'k_p4', 'k_i', 'U_ii', 'V_m0', 'V_mX', 'K_m0', 'p_2U', 'part', 'K', 'alpha',
            'beta', 'gamma', 'k_e1', 'k_e2', 'G_b', 'I_b', 'S_b', 'BW', 'D']
    r12 = lambda x: float(f'{x:.12g}')
    return {
        'id': name,
        'description': description,
        'parameters': {k: r12(params[k]) for k in keys},
        'initialState': {v: r12(init[v]) for v in model.state_ids},
        'glucoseMgDl': [r12(x) for x in g],
        'insulinPmolL': [r12(x) for x in i],
        'lsodaVsDop853MaxAbsDiff': float(f'{agree:.3g}'),
    }


def main():
    model = Sbml(SBML)
    cases = [
        case(model, 'sbml-example', "The SBML's own example as published: its initial state, kp1 2.7, Sb 1.8, Gb 95 mg/dL, "
             'Ib 25 pmol/L, BW 78 kg, D 78 g (not exactly at steady state at minute 0).', {}, None, 240),
        case(model, 'sbml-normal-gb106-ib100', 'Normal set, fasting state pinned to Gb 106 mg/dL, Ib 100 pmol/L, '
             'BW 80 kg, D 75 g.', {'BW': 80, 'D': 75000}, (106, 100), 240),
        case(model, 'sbml-t2d-gb160-ib60', 'T2D set in the SBML math (part 0.2 kept), fasting state pinned to '
             'Gb 160 mg/dL, Ib 60 pmol/L, BW 90 kg, D 75 g.', {**T2D, 'BW': 90, 'D': 75000}, (160, 60), 240),
    ]
    json.dump({
        'source': 'BioModels BIOMD0000000379 (CC0), https://www.ebi.ac.uk/biomodels/BIOMD0000000379; '
                  'docs/reference/dallaman2007/BIOMD0000000379.xml',
        'generator': 'python3 tools/gen/dallaman-reference.py > models/validation/dallaman2007-reference.json',
        'integrator': f'SciPy {scipy.__version__} solve_ivp LSODA, rtol = atol = 1e-11 (checked against DOP853 at 1e-12)',
        'generated': datetime.now(timezone.utc).strftime('%Y-%m-%d'),
        'units': {'minutes': 'min, 0..240 one a minute', 'glucoseMgDl': 'G = G_p / V_G', 'insulinPmolL': 'I = I_p / V_I'},
        'cases': cases,
    }, sys.stdout, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
