#!/usr/bin/env python3
"""gen_articles.py — a synthetic news corpus for the HTTP benchmarks.

Writes N articles as NDJSON ({"title", "lang", "date", "source", "url",
"text"}), half French, half English, each about 5 KB: narrative paragraphs
with figures and several quotes in « » (French) or “ ” (English)
attributed to a pool of a few thousand speakers, with a speech verb and a
title the extractor knows. The same seed gives the same file byte for byte.

    gen_articles.py --articles 150000 --seed 1 > corpus.ndjson

The vocabulary is drawn with a Zipf-like law, so full-text searches can be
made on words of known frequency: --words prints the search words (a rare,
a medium and a common one per language) instead of articles.
"""
import argparse
import json
import random
import sys

FIRST = ["Marie", "Jean", "Pierre", "Sophie", "Claire", "Nicolas", "Julien", "Camille", "Lucie",
         "Thomas", "Hélène", "François", "Isabelle", "Antoine", "Émilie", "Olivier", "Nathalie",
         "Laurent", "Céline", "Mathieu", "Amélie", "Karim", "Fatima", "Yann", "Gaëlle", "Rémi",
         "Agnès", "Benoît", "Chloé", "Damien", "John", "Sarah", "Michael", "Emily", "David",
         "Laura", "James", "Rachel", "Robert", "Hannah", "Daniel", "Olivia", "Peter", "Grace",
         "Andrew", "Megan", "Samuel", "Alice", "Thomas", "Rebecca"]
LAST = ["Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Moreau", "Laurent", "Simon",
        "Michel", "Garnier", "Rousseau", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert",
        "Fontaine", "Chevalier", "Robin", "Masson", "Benali", "Vasseur", "Leclerc", "Gauthier",
        "Perrin", "Morel", "Mercier", "Blanchard", "Guérin", "Boyer", "Smith", "Johnson",
        "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
        "Thompson", "Harris", "Clarke", "Walker", "Wright", "Hughes", "Edwards", "Turner",
        "Parker", "Collins", "Stewart", "Morris", "Murphy", "Cooper", "Reed", "Bailey", "Bell",
        "Kelly", "Howard", "Ward", "Cox", "Richardson", "Wood", "Watson", "Brooks", "Bennett",
        "Gray", "Hayes", "Myers", "Ford", "Hamilton", "Graham", "Sullivan", "Wallace", "West"]

FR_ROLES = ["le maire de la ville", "la ministre de la Santé", "le président du conseil régional",
            "la porte-parole du gouvernement", "le délégué syndical", "la directrice de l'hôpital",
            "le préfet", "la députée", "le sénateur", "le président de l'association"]
EN_ROLES = ["the city's mayor", "the health secretary", "a union representative",
            "the company's chief executive", "the council leader", "a spokeswoman for the ministry",
            "the senator", "the hospital director", "the party chairman", "a local resident"]
FR_VERBS = ["a déclaré", "a affirmé", "a expliqué", "a estimé", "a souligné", "a indiqué",
            "a assuré", "a ajouté", "a précisé", "a dénoncé"]
EN_VERBS = ["said", "told reporters", "added", "explained", "warned", "argued", "insisted",
            "noted", "stressed", "claimed"]
FR_UNITS = ["euros", "habitants", "emplois", "logements", "élèves", "voyageurs", "lits", "agents"]
EN_UNITS = ["dollars", "residents", "jobs", "homes", "pupils", "passengers", "beds", "workers"]

FR_WORDS = """gouvernement réforme budget emploi santé hôpital école transport climat énergie
logement retraite salaire grève syndicat entreprise commune région ville quartier projet loi
décision avenir travail sécurité police justice tribunal élection vote campagne parti majorité
opposition dialogue accord négociation crise inflation prix marché croissance dette impôt
investissement usine agriculture eau forêt pollution chantier route port aéroport train bus
métro université recherche étudiant enseignant famille enfant jeunesse culture musée festival
sport stade équipe match victoire défaite public service patient médecin infirmier urgence
vaccin épidémie sécheresse inondation tempête incendie pompier secours solidarité association
bénévole citoyen habitant maire député sénateur ministre président conseil assemblée mairie
préfecture budget dépense recette subvention aide contrat chômage formation apprentissage
innovation numérique réseau internet données sobriété rénovation isolation chauffage électricité
nucléaire éolien solaire barrage fleuve littoral montagne tourisme commerce artisan boulangerie
marché agriculteur éleveur pêcheur vigne récolte prix carburant essence pouvoir achat loyer
propriétaire locataire expulsion hébergement précarité pauvreté inégalité égalité diversité
laïcité liberté responsabilité confiance transparence engagement promesse calendrier échéance""".split()
EN_WORDS = """government reform budget jobs health hospital school transport climate energy
housing pension wages strike union company council region city district project law decision
future work security police justice court election vote campaign party majority opposition
dialogue agreement negotiation crisis inflation prices market growth debt tax investment
factory farming water forest pollution construction road harbour airport train bus subway
university research student teacher family children youth culture museum festival sport
stadium team match victory defeat public service patient doctor nurse emergency vaccine
outbreak drought flood storm wildfire firefighters rescue solidarity charity volunteer citizen
resident mayor senator minister president assembly office spending revenue grant support
contract unemployment training apprenticeship innovation digital network internet data
renovation insulation heating electricity nuclear wind solar dam river coast mountain tourism
trade craftsman bakery farmer fisherman vineyard harvest fuel petrol purchasing power rent
landlord tenant eviction shelter poverty inequality equality diversity freedom responsibility
trust transparency commitment promise timetable deadline community neighbourhood""".split()
FR_GLUE = "nous devons le la les des une un pour dans avec sans sur notre cette plus très".split()
EN_GLUE = "we must the a an of for in with without on our this more very and to".split()

# Search words: a rare, a medium and a common one (by Zipf rank).
SEARCH_RANKS = (300, 40, 2)


def zipf_weights(n):
    return [1.0 / (r + 1) for r in range(n)]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        names = [f"{f} {l}" for f in FIRST for l in LAST]
        self.r.shuffle(names)
        self.speakers = names[:3000]
        self.fr_cum = self._cum(FR_WORDS)
        self.en_cum = self._cum(EN_WORDS)

    def _cum(self, words):
        acc, out = 0.0, []
        for w in zipf_weights(len(words)):
            acc += w
            out.append(acc)
        return out

    def word(self, fr):
        words, cum = (FR_WORDS, self.fr_cum) if fr else (EN_WORDS, self.en_cum)
        return self.r.choices(words, cum_weights=cum, k=1)[0]

    def phrase(self, fr, n):
        glue = FR_GLUE if fr else EN_GLUE
        out = []
        for i in range(n):
            out.append(self.r.choice(glue) if i % 2 == 0 else self.word(fr))
        return " ".join(out)

    def figure(self, fr):
        n = self.r.randint(2, 950)
        if fr:
            return f"{n} {self.r.choice(FR_UNITS)}" if self.r.random() < 0.6 else f"{n} millions d'euros"
        return f"{n:,} {self.r.choice(EN_UNITS)}" if self.r.random() < 0.6 else f"${n} million"

    def narrative(self, fr):
        s = self.phrase(fr, self.r.randint(14, 24))
        s = s[0].upper() + s[1:]
        if fr:
            return f"{s}, avec {self.figure(fr)} concernés selon les chiffres publiés mardi."
        return f"{s}, with {self.figure(fr)} affected according to figures released on Tuesday."

    def quote_par(self, fr, who, role):
        q = self.phrase(fr, self.r.randint(10, 22))
        q = q[0].upper() + q[1:]
        if fr:
            verb = self.r.choice(FR_VERBS)
            return f"« {q} », {verb} {who}, {role}."
        verb = self.r.choice(EN_VERBS)
        return f"“{q},” {verb} {who}, {role}."

    def article(self, i):
        fr = i % 2 == 0
        pars, size, nq = [], 0, 0
        cast = [self.r.choice(self.speakers) for _ in range(4)]
        roles = FR_ROLES if fr else EN_ROLES
        while size < 4900:
            if nq < 8 and (len(pars) % 2 == 1):
                who = cast[nq % len(cast)]
                p = self.quote_par(fr, who, self.r.choice(roles))
                nq += 1
            else:
                p = " ".join(self.narrative(fr) for _ in range(self.r.randint(2, 3)))
            pars.append(p)
            size += len(p.encode()) + 2
        title = self.phrase(fr, 7)
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        year = 2020 + (i // 336) % 6
        return {"title": title[0].upper() + title[1:], "lang": "fr" if fr else "en",
                "date": f"{year}-{month:02d}-{day:02d}", "source": "bench",
                "url": f"https://bench.example/{'fr' if fr else 'en'}/{i}", "text": "\n\n".join(pars)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--words", action="store_true", help="print the search words and exit")
    a = ap.parse_args()
    if a.words:
        for rank in SEARCH_RANKS:
            print(FR_WORDS[min(rank, len(FR_WORDS) - 1)], EN_WORDS[min(rank, len(EN_WORDS) - 1)])
        return
    g = Gen(a.seed)
    out = sys.stdout
    for i in range(a.articles):
        out.write(json.dumps(g.article(i), ensure_ascii=False))
        out.write("\n")


if __name__ == "__main__":
    main()
