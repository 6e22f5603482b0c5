#!/usr/bin/env python3
"""Generates the data stores of the example workspace (examples/stores/), from a fixed seed.

Synthetic customer service of Électra Énergie SAS: call recordings metadata, evaluation grids,
chatbot conversations, CRM customers and notes, agent-assist suggestions, speech analytics,
a prospect call list (CSV) and a mailbox export (JSONL). Free text carries personal data that
the descriptors do not all declare (card numbers, IBANs, NIRs, e-mails, phone numbers, health
words), and some rows are older than the declared retention — so the rules that read stores
have something real to find.

Every value is made up. The same seed gives the same files, byte for byte, and dates count back
from a fixed reference day (2026-11-29), so a report at a fixed --as-of never changes.

Also writes examples/stores/seeded-values.txt: every personal value injected into free text, one
per line — the end-to-end tests check that none of them appears in any output of cadre.

Usage: scripts/generate-example-stores.py [--output examples/stores]
"""
import argparse
import csv
import datetime as dt
import json
import os
import random
import sqlite3

REFERENCE = dt.datetime(2026, 11, 29, 9, 0, 0)
SEED = 2026

FIRST = ["Camille", "Léa", "Manon", "Chloé", "Inès", "Jade", "Louise", "Emma", "Lucas", "Hugo", "Louis",
         "Gabriel", "Arthur", "Jules", "Nathan", "Raphaël", "Yasmine", "Karim", "Sofiane", "Élodie"]
LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
        "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier"]
TOPICS = ["ma facture de novembre", "le relevé de mon compteur Linky", "un changement d'adresse",
          "l'échéancier de paiement", "une coupure prévue", "la résiliation de mon contrat",
          "le passage à l'offre heures creuses", "un prélèvement rejeté"]
HEALTH = ["je suis en arrêt maladie", "mon fils est hospitalisé", "je suis sous dialyse à domicile"]

rng = random.Random(SEED)
seeded = set()


def name():
    return rng.choice(FIRST), rng.choice(LAST)


def phone():
    return "06 " + " ".join(f"{rng.randrange(100):02d}" for _ in range(4))


def email(first, last):
    base = f"{first}.{last}".lower()
    for a, b in (("é", "e"), ("è", "e"), ("ë", "e"), ("ï", "i"), (" ", "")):
        base = base.replace(a, b)
    return f"{base}{rng.randrange(10, 99)}@exemple.fr"


def luhn_complete(digits):
    total = 0
    for i, d in enumerate(reversed(digits)):
        d = int(d)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return digits + str((10 - total % 10) % 10)


def card():
    return luhn_complete("4970" + "".join(str(rng.randrange(10)) for _ in range(11)))


def iban():
    bban = "".join(str(rng.randrange(10)) for _ in range(23))
    numeric = int(bban + "152700")  # F=15 R=27 00
    check = 98 - numeric % 97
    raw = f"FR{check:02d}{bban}"
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def nir():
    sex = rng.choice("12")
    body = f"{sex}{rng.randrange(60, 99):02d}{rng.randrange(1, 13):02d}{rng.randrange(1, 96):02d}{rng.randrange(1, 990):03d}{rng.randrange(1, 999):03d}"
    key = 97 - int(body) % 97
    return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key:02d}"


def when(max_days, min_days=0):
    return REFERENCE - dt.timedelta(days=rng.uniform(min_days, max_days), seconds=rng.randrange(86400))


def iso(moment):
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def inject(text, value):
    seeded.add(value)
    return text + " " + value


def database(path, schema):
    if os.path.exists(path):
        os.remove(path)
    connection = sqlite3.connect(path)
    connection.executescript(schema)
    return connection


def calls(folder):
    db = database(os.path.join(folder, "calls.sqlite"), """
        CREATE TABLE call_recordings (id INTEGER PRIMARY KEY, caller_number TEXT, agent_login TEXT,
          audio_uri TEXT, screen_uri TEXT, started_at TEXT, duration_s INTEGER);
        CREATE TABLE evaluation_grids (id INTEGER PRIMARY KEY, agent_login TEXT, score INTEGER,
          supervisor_comment TEXT, evaluated_at TEXT);
        """)
    for i in range(1, 3001):
        started = when(3 * 365)
        db.execute("INSERT INTO call_recordings VALUES (?,?,?,?,?,?,?)",
                   (i, phone(), f"agent{rng.randrange(1, 80):03d}", f"s3://electra-calls/{i}.opus",
                    f"s3://electra-screens/{i}.mp4", iso(started), rng.randrange(40, 900)))
    for i in range(1, 601):
        comment = f"Appel sur {rng.choice(TOPICS)}. Bon ton, reformulation à travailler."
        if i % 50 == 0:
            first, last = name()
            comment = inject(comment + f" Le client {first} {last} a laissé son numéro", phone())
        db.execute("INSERT INTO evaluation_grids VALUES (?,?,?,?,?)",
                   (i, f"agent{rng.randrange(1, 80):03d}", rng.randrange(40, 100), comment, iso(when(2 * 365))))
    db.commit()
    db.close()


def voicebot(folder):
    db = database(os.path.join(folder, "voicebot.sqlite"), """
        CREATE TABLE recordings (id INTEGER PRIMARY KEY, caller_phone TEXT, agent_id TEXT, audio_file TEXT,
          transcript TEXT, recorded_at TEXT);
        """)
    # The voicebot is compliant: it hands payments to a secure server and never records card numbers.
    for i in range(1, 1501):
        transcript = f"Bonjour, j'appelle pour {rng.choice(TOPICS)}."
        if i % 300 == 0:
            transcript += " Je voudrais payer par carte. Bot : je vous transfère vers le serveur de paiement sécurisé."
        db.execute("INSERT INTO recordings VALUES (?,?,?,?,?,?)",
                   (i, phone(), f"bot-{rng.randrange(1, 4)}", f"audio/{i}.opus", transcript, iso(when(170))))
    db.commit()
    db.close()


def chatbot(folder):
    db = database(os.path.join(folder, "chatbot.sqlite"), """
        CREATE TABLE conversations (id INTEGER PRIMARY KEY, customer_number TEXT, transcript TEXT, started_at TEXT);
        CREATE TABLE intents (id INTEGER PRIMARY KEY, customer_number TEXT, intent TEXT, detected_at TEXT);
        """)
    for i in range(1, 2001):
        customer = f"C{rng.randrange(100000, 999999)}"
        transcript = f"Client : bonjour, une question sur {rng.choice(TOPICS)}. Assistant : je regarde."
        if i % 100 == 0:
            first, last = name()
            transcript = inject(transcript + " Client : écrivez-moi à", email(first, last))
        if i % 125 == 0:
            transcript = inject(transcript + " Client : mon IBAN est", iban())
        if i % 400 == 0:
            transcript = inject(transcript + " Client : mon numéro de sécu", nir())
        if i % 250 == 0:
            transcript += " Client : " + rng.choice(HEALTH) + ", pouvez-vous décaler l'échéance ?"
        started = when(175)   # purged after six months, as the descriptor says
        db.execute("INSERT INTO conversations VALUES (?,?,?,?)", (i, customer, transcript, iso(started)))
        db.execute("INSERT INTO intents VALUES (?,?,?,?)", (i, customer, rng.choice(["billing", "move", "outage", "contract"]), iso(started)))
    db.commit()
    db.close()


def crm(folder):
    db = database(os.path.join(folder, "crm.sqlite"), """
        CREATE TABLE customers (customer_number TEXT PRIMARY KEY, full_name TEXT, phone TEXT, email TEXT,
          birth_date TEXT, marketing_consent_at TEXT, contract_end TEXT);
        CREATE TABLE scores (customer_number TEXT, churn_risk REAL, upsell_propensity REAL, scored_at TEXT);
        CREATE TABLE interactions (customer_number TEXT, agent_notes TEXT, occurred_at TEXT);
        """)
    for i in range(1, 1201):
        first, last = name()
        number = f"C{100000 + i}"
        consent = iso(when(900)) if rng.random() < 0.6 else None
        ended = iso(when(6 * 365, 30)) if rng.random() < 0.2 else None
        db.execute("INSERT INTO customers VALUES (?,?,?,?,?,?,?)",
                   (number, f"{first} {last}", phone(), email(first, last),
                    f"{rng.randrange(1940, 2004)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}", consent, ended))
        db.execute("INSERT INTO scores VALUES (?,?,?,?)", (number, round(rng.random(), 3), round(rng.random(), 3), iso(when(500))))
        notes = f"Appel entrant : {rng.choice(TOPICS)}."
        if i % 60 == 0:
            notes = inject(notes + " Nouveau numéro :", phone())
        if i % 200 == 0:
            notes += " " + rng.choice(HEALTH) + "."
        db.execute("INSERT INTO interactions VALUES (?,?,?)", (number, notes, iso(when(4 * 365))))
    db.commit()
    db.close()


def agent_assist(folder):
    db = database(os.path.join(folder, "agent_assist.sqlite"), """
        CREATE TABLE suggestions (id INTEGER PRIMARY KEY, customer_name TEXT, agent_login TEXT,
          transcript_window TEXT, suggestion TEXT, final_text TEXT, created_at TEXT);
        CREATE TABLE training_set (id INTEGER PRIMARY KEY, transcript TEXT, summary TEXT);
        """)
    for i in range(1, 801):
        first, last = name()
        window = f"… le client demande des précisions sur {rng.choice(TOPICS)} …"
        if i % 200 == 0:
            window = inject(window + " il dicte sa carte", card())
        db.execute("INSERT INTO suggestions VALUES (?,?,?,?,?,?,?)",
                   (i, f"{first} {last}", f"agent{rng.randrange(1, 80):03d}", window,
                    "Proposer l'échéancier en trois fois.", "Je vous propose un échéancier.", iso(when(240))))
    for i in range(1, 201):
        transcript = f"Conseiller : Électra bonjour. Client : c'est au sujet de {rng.choice(TOPICS)}."
        if i % 50 == 0:
            transcript = inject(transcript + " Mon IBAN :", iban())
        db.execute("INSERT INTO training_set VALUES (?,?,?)", (i, transcript, "Demande traitée."))
    db.commit()
    db.close()


def speech(folder):
    db = database(os.path.join(folder, "speech.sqlite"), """
        CREATE TABLE call_analyses (id INTEGER PRIMARY KEY, agent_login TEXT, customer_emotion TEXT,
          agent_emotion TEXT, empathy_score REAL, transcript TEXT, call_date TEXT);
        """)
    emotions = ["calm", "frustrated", "angry", "satisfied", "anxious"]
    for i in range(1, 1001):
        transcript = f"Client : je vous appelle pour {rng.choice(TOPICS)}."
        if i % 250 == 0:
            first, last = name()
            transcript = inject(transcript + " Vous pouvez me joindre au", phone())
        if i % 200 == 0:
            transcript = inject(transcript + " Je vous donne ma carte :", card())
        db.execute("INSERT INTO call_analyses VALUES (?,?,?,?,?,?,?)",
                   (i, f"agent{rng.randrange(1, 80):03d}", rng.choice(emotions), rng.choice(emotions),
                    round(rng.random() * 10, 1), transcript, iso(when(3 * 365))))
    db.commit()
    db.close()


def prospects(folder):
    path = os.path.join(folder, "prospects")
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, "call_list.csv"), "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["phone", "first_name", "last_name", "postcode", "last_contact_at", "consent_at", "source"])
        for _ in range(900):
            first, last = name()
            consent = iso(when(700)) if rng.random() < 0.3 else ""
            writer.writerow([phone(), first, last, f"{rng.randrange(1, 96):02d}{rng.randrange(0, 999):03d}",
                             iso(when(5 * 365)), consent, rng.choice(["dataleads", "website", "salon"])])
    with open(os.path.join(path, "do_not_call.csv"), "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["phone", "requested_at"])
        for _ in range(120):
            writer.writerow([phone(), iso(when(4 * 365))])


def mail(folder):
    path = os.path.join(folder, "mail")
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, "messages.jsonl"), "w", encoding="utf-8") as out:
        for i in range(1, 1001):
            first, last = name()
            body = f"Bonjour, je vous écris au sujet de {rng.choice(TOPICS)}."
            if i % 100 == 0:
                body = inject(body + " Voici mon RIB :", iban())
            if i % 333 == 0:
                body += " " + rng.choice(HEALTH) + "."
            record = {"id": i, "from_address": email(first, last), "subject": "Demande client", "body": body,
                      "answer": "Merci pour votre message, nous revenons vers vous.", "received_at": iso(when(3 * 365))}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output", default=os.path.join(os.path.dirname(__file__), "..", "examples", "stores"))
    folder = os.path.normpath(parser.parse_args().output)
    os.makedirs(folder, exist_ok=True)
    for build in (calls, voicebot, chatbot, crm, agent_assist, speech, prospects, mail):
        build(folder)
    with open(os.path.join(folder, "seeded-values.txt"), "w", encoding="utf-8") as out:
        out.write("\n".join(sorted(seeded)) + "\n")
    print(f"wrote the example stores in {folder} ({len(seeded)} seeded personal values)")


if __name__ == "__main__":
    main()
