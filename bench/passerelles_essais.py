"""Tries passerelle features and models outside the engine, on the pair tables written by
bench/passerelles-paires.ts (same folds and fit as bench/passerelles-qualite.ts): a logistic
regression refitted per fold (standardised columns, then positives + the 300 best-scored negatives
of each source, as scripts/fit-passerelles.ts does), recall@10 and MRR@10 on the held-out sources.
The first rows reproduce the shipped models; the others add one candidate at a time.

Usage: python3 bench/passerelles_essais.py [dossier-paires] [dossier-export-rome] [--arbres]
(--arbres adds gradient-boosted trees, ≈ 10 min; needs Debian's python3-sklearn)."""
import csv, glob, json, os, sys, tempfile
import numpy as np
from sklearn.linear_model import LogisticRegression

args = [a for a in sys.argv[1:] if not a.startswith("--")]
here = os.path.dirname(os.path.abspath(__file__))
DIR = args[0] if args else os.path.join(tempfile.gettempdir(), "gtec-paires")
ROME = args[1] if len(args) > 1 else os.path.join(here, "../../shared/data/rome-officiel/v460")
if not os.path.exists(os.path.join(DIR, "noms.json")):
    sys.exit(f"ignoré : pas de tables de paires dans {DIR} (npx tsx bench/passerelles-paires.ts {DIR})")
noms = json.load(open(os.path.join(DIR, "noms.json")))
codes = json.load(open(os.path.join(DIR, "codes.json")))
col = {k: i for i, k in enumerate(noms)}
N, D = len(codes), len(noms)
FOLDS = sorted(glob.glob(os.path.join(DIR, "pli*.f32")))
CONTENU = noms[col["logitContenu"] + 1 : col["inverse"]]
EXPERT = ["logitContenu", "inverse", "popularite", "voisins", "voisinsInverse", "coCitation", "voisinsProches", "deuxSauts"]


def load(f):
    return np.fromfile(f, dtype=np.float32).reshape(-1, N - 1, D)


def columns(X, spec):
    return np.stack([s(X) if callable(s) else X[:, :, col[s]] for s in spec], -1)


def fit(F, y, hard=300, C=100.0):
    d = F.shape[-1]
    mu, sd = F.reshape(-1, d).mean(0), F.reshape(-1, d).std(0) + 1e-9
    Z = (F - mu) / sd
    lr = LogisticRegression(C=C, max_iter=300, tol=1e-6).fit(Z.reshape(-1, d), y.reshape(-1))
    neg = np.where(y == 1, -np.inf, Z @ lr.coef_[0])
    mask = (y == 1) | (neg >= -np.sort(-neg, 1)[:, hard - 1][:, None])
    lr = LogisticRegression(C=C, max_iter=300, tol=1e-6).fit(Z[mask], y[mask])
    return lambda G: ((G - mu) / sd) @ lr.coef_[0] + lr.intercept_[0]


def metrics(score, y):
    top = np.argsort(-score, 1, kind="stable")[:, :10]
    hit = np.take_along_axis(y, top, 1)
    ok = y.sum(1) > 0
    r10 = hit.sum(1)[ok] / np.minimum(y.sum(1)[ok], 10)
    mrr = np.where(hit.any(1), 1 / (hit.argmax(1) + 1), 0)[ok]
    return r10.mean(), mrr.mean()


def cv(spec, model=fit):
    r, m = [], []
    for f in FOLDS:
        X = load(f)
        test = X[:, 0, col["test"]] == 1
        y = X[:, :, col["y"]].astype(np.int8)
        F = columns(X, spec)
        a, b = metrics(model(F[~test], y[~test])(F[test]), y[test])
        r.append(a)
        m.append(b)
    return np.mean(r), np.mean(m)


def pair_matrix(M):
    return lambda X: M[X[:, 0, col["source"]].astype(int)[:, None], X[:, :, col["cible"]].astype(int)]


def table_cosine(file, key):
    """IDF-weighted cosine of the sets of `key` values of each fiche in an export table."""
    sets = [set() for _ in codes]
    ix = {c: i for i, c in enumerate(codes)}
    # The NAF table of v460 is not UTF-8 despite its name: codes are ASCII, labels are not read.
    with open(glob.glob(os.path.join(ROME, file))[0], encoding="utf-8", errors="replace") as fh:
        for r in csv.DictReader(fh):
            if r["code_rome"] in ix and r[key]:
                sets[ix[r["code_rome"]]].add(r[key])
    vocab = {k: j for j, k in enumerate(sorted({k for s in sets for k in s}))}
    M = np.zeros((N, len(vocab)))
    for i, s in enumerate(sets):
        for k in s:
            M[i, vocab[k]] = 1
    M *= np.log((1 + N) / (1 + M.sum(0))) + 1
    M /= np.maximum(np.linalg.norm(M, axis=1, keepdims=True), 1e-12)
    return M @ M.T


def riasec_cosine():
    ix = {c: i for i, c in enumerate(codes)}
    V = np.zeros((N, 6))
    with open(glob.glob(os.path.join(ROME, "unix_referentiel_code_rome_riasec_v*_utf8.csv"))[0], encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            i = ix.get(r["code_rome"])
            if i is not None:
                for letter, w in ((r["riasec_majeur"], 1.0), (r["riasec_mineur"], 0.5)):
                    if letter:
                        V[i, "RIASEC".index(letter)] += w
    V /= np.maximum(np.linalg.norm(V, axis=1, keepdims=True), 1e-12)
    return V @ V.T


def acces_metier():
    """TF-IDF cosine of the « acces_metier » texts, and the lowest and highest diploma level they name."""
    import re, unicodedata
    from sklearn.feature_extraction.text import TfidfVectorizer

    ix = {c: i for i, c in enumerate(codes)}
    txt = [""] * N
    with open(glob.glob(os.path.join(ROME, "unix_texte_v*_utf8.csv"))[0], encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["libelle_type_texte"] == "acces_metier" and r["code_rome"] in ix:
                txt[ix[r["code_rome"]]] += " " + r["libelle_texte"]
    levels = [(r"sans (diplome|qualification)", 0), (r"\b(cap|bep|cqp|titre professionnel)\b", 3), (r"\bbac\b(?!\s*\+)|\bbp\b|brevet professionnel", 4),
              (r"bac\s*\+\s*2|\bbts\b|\bdut\b|\bbut\b", 5), (r"bac\s*\+\s*3|licence", 6), (r"bac\s*\+\s*[45]|master|ingenieur", 7), (r"doctorat|bac\s*\+\s*8", 8)]
    lv = np.full((N, 2), np.nan)
    for i, t in enumerate(txt):
        t = unicodedata.normalize("NFKD", t.lower()).encode("ascii", "ignore").decode()
        found = [l for p, l in levels if re.search(p, t)]
        if found:
            lv[i] = min(found), max(found)
    lv = np.where(np.isnan(lv), np.nanmean(lv, 0), lv)
    V = TfidfVectorizer(sublinear_tf=True, min_df=2).fit_transform(txt)
    return (V @ V.T).toarray(), np.abs(lv[None, :, 0] - lv[:, None, 0]), np.abs(lv[None, :, 1] - lv[:, None, 1])


def kernel_ridge(m=50, lam=1.0):
    """Collaborative filtering as kernel ridge regression: a source's list predicted from its m
    content-nearest fiches (σ(similarity), L2-normalised rows), fitted on the training sources
    (their own prediction left out through the hat matrix)."""

    def f(X):
        src, tgt = X[:, 0, col["source"]].astype(int), X[:, :, col["cible"]].astype(int)
        test = X[:, 0, col["test"]] == 1
        S, Y = np.zeros((len(src), N)), np.zeros((len(src), N))
        np.put_along_axis(S, tgt, 1 / (1 + np.exp(-np.clip(X[:, :, col["similarite"]].astype(np.float64), -50, 50))), 1)
        np.put_along_axis(Y, tgt, X[:, :, col["y"]].astype(np.float64), 1)
        S = np.where(S >= -np.sort(-S, 1)[:, m - 1][:, None], S, 0)
        S[np.arange(len(src)), src] = 1
        S /= np.linalg.norm(S, axis=1, keepdims=True)
        Xtr, Ytr = S[~test], Y[~test]
        A = np.linalg.inv(Xtr @ Xtr.T + lam * np.eye(len(Xtr)))
        H = Xtr @ Xtr.T @ A
        h = np.diag(H)[:, None]
        P = np.zeros_like(Y)
        P[~test] = (H @ Ytr - h * Ytr) / (1 - h)
        P[test] = S[test] @ Xtr.T @ A @ Ytr
        return np.take_along_axis(P, tgt, 1)

    return f


def out(name, spec, model=fit):
    r, m = cv(spec, model)
    print(f"| {name} | {r:.4f} | {m:.4f} |", flush=True)


print(f"{len(FOLDS)} plis, {N} fiches ({DIR})\n\n| essai | rappel@10 | MRR@10 |\n|---|---|---|")
out("contenu seul : logit du modèle livré (pli)", [lambda X: X[:, :, col["logitContenu"]]], model=lambda F, y: (lambda G: G[:, :, 0]))
out("contenu seul : régression réajustée ici", CONTENU)
out("avec listes : caractéristiques livrées", EXPERT)
for k in noms[col["deuxSauts"] + 1 :]:
    out(f"avec listes + `{k}`", EXPERT + [k])
rel = lambda k: (lambda X: X[:, :, col[k]] / (X[:, :, col[k]].max(1, keepdims=True) + 1e-9))
log = lambda k: (lambda X: np.log1p(20 * X[:, :, col[k]]))
out("avec listes + voisins, voisinsProches, deuxSauts ÷ leur maximum par source", EXPERT + [rel("voisins"), rel("voisinsProches"), rel("deuxSauts")])
out("avec listes + ln(1 + 20x) de voisins, voisinsProches, deuxSauts, coCitation", EXPERT + [log(k) for k in ("voisins", "voisinsProches", "deuxSauts", "coCitation")])
out("avec listes + 1/√rang du logit contenu", EXPERT + [lambda X: 1 / np.sqrt(1 + np.argsort(np.argsort(-X[:, :, col["logitContenu"]], 1), 1))])
out("avec listes + popularite × voisins", EXPERT + [lambda X: X[:, :, col["popularite"]] * X[:, :, col["voisins"]]])
out("avec listes + régression ridge à noyau des listes (50 voisins)", EXPERT + [kernel_ridge()])
if os.path.isdir(ROME):
    tables = {
        "secteurs d’activité": table_cosine("unix_arborescence_secteur_activite_v*_utf8.csv", "code_sect_activite"),
        "sous-secteurs d’activité": table_cosine("unix_arborescence_secteur_activite_v*_utf8.csv", "code_ss_sect_activite"),
        "secteurs NAF": table_cosine("unix_arborescence_secteur_naf_v*_utf8.csv", "code_secteur_naf"),
        "centres d’intérêt": table_cosine("unix_arborescence_centre_interet_v*_utf8.csv", "code_centre_interet"),
        "thèmes": table_cosine("unix_arborescence_thematique_v*_utf8.csv", "code_theme"),
        "RIASEC majeur et mineur": riasec_cosine(),
    }
    acces, ecart_min, ecart_max = acces_metier()
    tables["textes « acces_metier »"] = acces
    sans_pop = [c for c in CONTENU if c != "ciblePopulaireApprise"]
    out("contenu seul sans `ciblePopulaireApprise`", sans_pop)
    out("contenu seul sans `ciblePopulaireApprise` + cosinus des textes « acces_metier »", sans_pop + [pair_matrix(acces)])
    out("contenu seul + écarts de niveau de diplôme (plus bas, plus haut cités par « acces_metier »)", CONTENU + [pair_matrix(ecart_min), pair_matrix(ecart_max)])
    out("avec listes + écarts de niveau de diplôme", EXPERT + [pair_matrix(ecart_min), pair_matrix(ecart_max)])
    for name, M in tables.items():
        out(f"contenu seul + cosinus des {name}", CONTENU + [pair_matrix(M)])
        out(f"avec listes + cosinus des {name}", EXPERT + [pair_matrix(M)])
if "--arbres" in sys.argv:
    from sklearn.ensemble import HistGradientBoostingClassifier

    def trees(F, y, hard=300):
        # Trees re-rank the linear model's 300 best candidates of each source: they are trained on
        # the positives and those hard negatives only, and know nothing of the pairs beyond them.
        E = len(EXPERT)
        lin = fit(F[:, :, :E], y)
        neg = np.where(y == 1, -np.inf, lin(F[:, :, :E]))
        mask = (y == 1) | (neg >= -np.sort(-neg, 1)[:, hard - 1][:, None])
        clf = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, max_leaf_nodes=15, min_samples_leaf=50, l2_regularization=1.0, random_state=0).fit(F[mask], y[mask])

        def score(G):
            z = lin(G[:, :, :E])
            p = clf.predict_proba(G.reshape(-1, G.shape[-1]))[:, 1].reshape(G.shape[:2])
            return np.where(z >= -np.sort(-z, 1)[:, hard - 1][:, None], p, -1)

        return score

    out("arbres de gradient, caractéristiques livrées avec listes", EXPERT, trees)
    out("arbres de gradient, avec listes + contenu", EXPERT + ["similarite"] + CONTENU, trees)
