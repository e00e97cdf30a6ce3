//! The sentence's dependency tree as the extractor reads it: children by relation, spans of
//! subtrees cut to argument size, and the annotations (mentions, times, amounts) at a token.

use super::{lower, Node, View};
use crate::doc::{Deprel, Upos};

impl View<'_> {
    pub(super) fn rel(&self, i: usize) -> Deprel {
        self.t[i].deprel
    }

    /// The children of `i` attached by exactly `deprel`.
    pub(super) fn kids(&self, i: usize, deprel: Deprel) -> impl Iterator<Item = usize> + '_ {
        self.children[i]
            .iter()
            .copied()
            .filter(move |&c| self.t[c].deprel == deprel)
    }

    /// The children of `i` attached by `deprel` or one of its subtypes.
    pub(super) fn kids_base(&self, i: usize, deprel: Deprel) -> impl Iterator<Item = usize> + '_ {
        self.children[i]
            .iter()
            .copied()
            .filter(move |&c| self.t[c].deprel.is_a(deprel))
    }

    fn text(&self, i: usize) -> &str {
        let t = &self.t[i];
        &self.document.text[t.start..t.end]
    }

    /// The words of tokens as written, joined by single spaces.
    pub(super) fn words(&self, tokens: &[usize]) -> String {
        tokens
            .iter()
            .map(|&i| self.text(i))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The text of the contiguous range covering `tokens`, as written.
    pub(super) fn span_text(&self, start: usize, end: usize) -> String {
        self.document.text[self.t[start].start..self.t[end - 1].end].to_owned()
    }

    /// [`View::span_text`] without the quotation marks the range opens or closes but does not
    /// match: an argument cut out of a quotation reads "This 1-in-200 year event", not "This ``
    /// 1-in-200 year event". Matched pairs stay ("known as `` Gladiators '' in Britain").
    pub(super) fn span_text_balanced(&self, start: usize, end: usize) -> String {
        let form = |i: usize| self.t[i].form.as_str();
        let quote = |i: usize| self.t[i].upos == Upos::Punct;
        let mut open: Vec<usize> = Vec::new();
        let mut stray: Vec<usize> = Vec::new();
        let mut straight: Vec<usize> = Vec::new();
        for i in start..end {
            match form(i) {
                "``" | "“" if quote(i) => open.push(i),
                "''" | "”" if quote(i) && open.pop().is_none() => stray.push(i),
                "\"" if quote(i) => straight.push(i),
                _ => {}
            }
        }
        stray.extend(open);
        if straight.len() % 2 == 1 {
            stray.extend(straight);
        }
        if stray.is_empty() {
            return self.span_text(start, end);
        }
        let kept: Vec<usize> = (start..end).filter(|i| !stray.contains(i)).collect();
        let mut out = String::new();
        for (k, &i) in kept.iter().enumerate() {
            if k > 0 {
                // A space where the text had any between the two kept words.
                let gap = &self.document.text[self.t[kept[k - 1]].end..self.t[i].start];
                if gap.chars().any(char::is_whitespace) {
                    out.push(' ');
                }
            }
            out.push_str(self.text(i));
        }
        out
    }

    /// Tokens of the subtree of `head`, leaving out children for which `cut` holds.
    pub(super) fn span(&self, head: usize, cut: &dyn Fn(usize) -> bool) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![head];
        while let Some(i) = stack.pop() {
            // (A tree with a cycle, which no parser or repair should make, ends the walk
            // instead of growing without end.)
            if out.len() > self.t.len() {
                break;
            }
            out.push(i);
            for &c in &self.children[i] {
                if !cut(c) {
                    stack.push(c);
                }
            }
        }
        out.sort_unstable();
        // Trim punctuation, conjunctions and markers at the edges.
        while out.len() > 1 {
            let f = out[0];
            if f != head
                && (matches!(self.t[f].upos, Upos::Punct | Upos::Cconj)
                    || matches!(self.rel(f), Deprel::Mark | Deprel::Cc))
            {
                out.remove(0);
            } else {
                break;
            }
        }
        while out.len() > 1 {
            let l = *out.last().unwrap();
            if l != head && (self.t[l].upos == Upos::Punct || self.rel(l) == Deprel::Cc) {
                out.pop();
            } else {
                break;
            }
        }
        // Brackets or quotes left unbalanced by the cut.
        out
    }

    /// An argument node: the subtree without relative clauses, appositions, coordination and
    /// clause-level attachments.
    pub(super) fn node(&self, head: usize) -> Node {
        let tokens = self.span(head, &|c| self.cut_from_argument(head, c));
        Node {
            head,
            tokens,
            resolved: None,
            written: None,
        }
    }

    fn cut_from_argument(&self, head: usize, c: usize) -> bool {
        let r = self.rel(c);
        let direct = self.t[c].head == Some(head);
        matches!(
            r.base(),
            Deprel::Acl | Deprel::Appos | Deprel::Parataxis | Deprel::Advcl | Deprel::Dep | Deprel::List | Deprel::Vocative | Deprel::Discourse
        ) && r != Deprel::Acl // participles and infinitives stay: "a delegation led by Liu"
            || (direct && matches!(r.base(), Deprel::Conj | Deprel::Cc))
            || (direct
                && matches!(r.base(), Deprel::Nsubj | Deprel::Cop | Deprel::Aux | Deprel::Csubj | Deprel::Ccomp | Deprel::Mark | Deprel::Expl))
            // (Not what makes the noun what it is: "the first woman | to govern the region".)
            || (r == Deprel::Acl && self.is_predicate(c) && self.first_to_do(c, head).is_none())
            // A person's age set off after the name: "Stanley Canter, 66,". (Not the year of a
            // date: "on October 6, 1973".)
            || (direct
                && r == Deprel::NmodUnmarked
                && self.t[c].upos == Upos::Num
                && self.t[head].upos == Upos::Propn
                && (1..=3).contains(&self.t[c].form.len())
                && c > 0
                && self.t[c - 1].form == ",")
    }

    /// `c` and the tokens coordinated with it.
    pub(super) fn conjuncts(&self, c: usize) -> Vec<usize> {
        let mut out = vec![c];
        let mut i = 0;
        while i < out.len() {
            let x = out[i];
            for k in self.kids(x, Deprel::Conj) {
                // An alternative set aside is not one of them: "by procreation rather than
                // conversion", "apples, not pears", "instead of X".
                // (Of things, not of states: "short and rather rude", "sufficient but not
                // outstanding" say how something is.)
                let excluded = matches!(self.t[k].upos, Upos::Noun | Upos::Propn)
                    && self.children[k].iter().any(|&c| {
                        let w = lower(&self.t[c]);
                        let than = self.children[c]
                            .iter()
                            .any(|&f| lower(&self.t[f]) == "than");
                        c < k
                            && matches!(
                                self.rel(c).base(),
                                Deprel::Cc | Deprel::Advmod | Deprel::Case
                            )
                            && ((w == "rather" && than)
                                || (w == "not"
                                    && !self.t.get(c + 1).is_some_and(|n| {
                                        // ("not just principal" adds it.)
                                        matches!(lower(n).as_str(), "just" | "only" | "merely")
                                    }))
                                || w == "instead")
                    });
                if excluded {
                    continue;
                }
                // A coordinated clause is not a coordinated argument.
                if !self.is_predicate(k) && self.t[k].upos != Upos::Verb {
                    out.push(k);
                }
            }
            i += 1;
        }
        out.sort_unstable();
        out
    }

    /// Whether `a` dominates `b` (or is it).
    pub(super) fn dominates(&self, a: usize, b: usize) -> bool {
        let mut cur = b;
        let mut steps = 0;
        loop {
            if cur == a {
                return true;
            }
            match self.t[cur].head {
                Some(h) if steps < self.t.len() => {
                    cur = h;
                    steps += 1;
                }
                _ => return false,
            }
        }
    }

    /// Where the words of `x`'s subtree begin (its own punctuation, often attached to it, aside).
    pub(super) fn words_start(&self, x: usize) -> usize {
        (0..=x)
            .find(|&i| self.t[i].upos != Upos::Punct && self.dominates(x, i))
            .unwrap_or(x)
    }

    pub(super) fn mention_at(&self, head: usize) -> Option<&crate::doc::Mention> {
        self.sentence
            .mentions
            .iter()
            .find(|m| m.start <= head && head < m.end)
    }

    pub(super) fn is_time(&self, head: usize) -> bool {
        self.sentence
            .timexes
            .iter()
            .any(|x| x.start <= head && head < x.end)
    }

    /// Whether token `i` is inside an amount ("up to 77 percent", "over four times").
    pub(super) fn in_amount(&self, i: usize) -> bool {
        self.sentence
            .quantities
            .iter()
            .any(|q| q.start <= i && i < q.end)
    }

    /// A number, a quantity, or a word that measures one ("a quarter", "two points").
    pub(super) fn is_amount(&self, head: usize) -> bool {
        self.t[head].upos == Upos::Num
            || self
                .sentence
                .quantities
                .iter()
                .any(|q| q.start <= head && head < q.end)
            || matches!(
                self.t[head].lemma.to_lowercase().as_str(),
                "percent" | "point" | "quarter" | "half" | "third" | "fifth" | "tenth" | "fraction"
            )
    }
}
