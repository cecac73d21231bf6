#!/usr/bin/env python3
"""Fits the weights of dyad-code's confidence model (see src/confidence.rs).

    cargo run -p dyad-code --example confidence_features -- GOLD.json > features.jsonl
    python3 crates/code/scripts/fit_confidence.py GOLD.json features.jsonl

An event is correct when it has its sentence's gold PLOVER type (0.5b1 labels renamed as
`dyad eval plover` does) and an actor overlapping the gold source codes (same code, UNO/EUR
counting as IGO; a gold side left empty accepts any actor). The model is an L2-penalised
logistic regression fitted by gradient descent (no third-party packages). The folds group
events by gold record, record i going to fold i mod K, so a sentence's events are never
split between fitting and measuring. It prints the cross-fitted reliability table (each
fold scored by the model fitted on the others), the in-sample table, and the weights to
paste into WEIGHTS.
"""
import json
import math
import sys

FOLDS = 5
PENALTY = 0.1  # L2 strength (chosen among 1, 0.3, 0.1, 0.03 on the cross-fitted table; see confidence.rs)
RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
BINS = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]


def family(code):
    return "IGO" if code in ("UNO", "EUR") else code


def overlaps(gold_codes, entities):
    if not gold_codes:
        return True
    for gold in gold_codes:
        for entity in entities:
            if len(gold) == 3 and gold.isupper() and gold.isalpha():
                if entity["code"] and (entity["code"] == gold or family(entity["code"]) == family(gold)):
                    return True
            elif gold.lower() in entity["text"].lower() or gold.lower() in (entity["name"] or "").lower():
                return True
    return False


def gold_codes(side):
    if not isinstance(side, list):
        return []
    return [item["code"].strip().upper() for item in side if item.get("code", "").strip()]


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(rows):
    width = len(rows[0][0])
    weights = [0.0] * width
    rate = 0.5
    for _ in range(4000):
        gradient = [0.0] * width
        for features, label in rows:
            error = sigmoid(sum(w * x for w, x in zip(weights, features))) - label
            for j, x in enumerate(features):
                gradient[j] += error * x
        for j in range(width):
            penalty = 0.0 if j == 0 else PENALTY * weights[j]
            weights[j] -= rate * (gradient[j] + penalty) / len(rows)
    return weights


def predict(weights, features):
    probability = sigmoid(sum(w * x for w, x in zip(weights, features)))
    return round(min(0.95, max(0.05, probability)), 2)


def table(title, scored):
    print(title)
    print("confidence  events  correct  share")
    for low, high in BINS:
        inside = [label for value, label in scored if low <= value < high]
        share = f"{100 * sum(inside) / len(inside):.1f}%" if inside else "-"
        print(f"{low:.1f}-{min(high, 1.0):.1f}     {len(inside):<7} {int(sum(inside)):<8} {share}")
    above = [label for value, label in scored if value > 0.8]
    share = f"{100 * sum(above) / len(above):.1f}%" if above else "-"
    print(f"> 0.8: {len(above)} events, {int(sum(above))} correct ({share})\n")


def main():
    gold_path, features_path = sys.argv[1], sys.argv[2]
    gold = {}
    order = []
    for item in json.load(open(gold_path)):
        if item.get("event") == "DOCUMENT" or not item.get("text", "").strip():
            continue
        event = RENAMES.get(item["event"], item["event"])
        gold[item["id"]] = (event, gold_codes(item.get("source")), gold_codes(item.get("target")))
        order.append(item["id"])
    fold_of = {record: index % FOLDS for index, record in enumerate(order)}
    events = [json.loads(line) for line in open(features_path)]
    rows = []
    best = {}
    for event in events:
        gold_event, sources, targets = gold[event["id"]]
        level = 0
        if event["event"] == gold_event:
            level = 1
            if overlaps(sources, event["actor"]):
                level = 2
                if overlaps(targets, event["recipient"]):
                    level = 3
        best[event["id"]] = max(best.get(event["id"], 0), level)
        rows.append((event["features"], 1.0 if level >= 2 else 0.0, fold_of[event["id"]], event["confidence"]))
    for name, level in (("type", 1), ("type+actor", 2), ("type+actor+recipient", 3)):
        found = sum(1 for value in best.values() if value >= level)
        precision, recall = found / max(1, len(events)), found / len(gold)
        f1 = 2 * precision * recall / (precision + recall) if found else 0.0
        print(f"{name:22} found {found:3}  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")
    print(f"{len(events)} events, {sum(row[1] for row in rows):.0f} correct at type+actor\n")
    table("As coded (the confidence the coder gave):", [(row[3], row[1]) for row in rows])
    cross = []
    for fold in range(FOLDS):
        weights = fit([(f, y) for f, y, k, _ in rows if k != fold])
        cross += [(predict(weights, f), y) for f, y, k, _ in rows if k == fold]
    table(f"{FOLDS}-fold cross-fitted (each fold scored by weights fitted on the others):", cross)
    weights = fit([(f, y) for f, y, _, _ in rows])
    table("In sample (weights fitted on all events):", [(predict(weights, f), y) for f, y, _, _ in rows])
    print("WEIGHTS:", "[" + ", ".join(f"{w:.2f}" for w in weights) + "]")


if __name__ == "__main__":
    main()
