"""The class session's rules, without a network: only a phone's own vote and language can change."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from barst.classroom.session import (
    MAX_MESSAGE_BYTES,
    MAX_PHONES,
    Choice,
    ClassSession,
    Hello,
    SetLang,
    Vote,
    parse,
)

A, B, C = "a" * 32, "b" * 32, "c" * 32


def session() -> ClassSession:
    return ClassSession("1234", ["nl", "fr", "en"], {"nl": {"exit": "Nooduitgang"}, "fr": {"exit": "Sortie"}},
                        {"nl": [{"name": "1712", "number": "1712", "link": "tel:1712", "hours": ""}]}, {"nl": "Titel"})


def question(qid: int = 1) -> object:
    from barst.classroom.session import Question

    return Question(qid, {"nl": "Situatie", "fr": "Situation"},
                    (Choice(1, {"nl": "een", "fr": "un"}), Choice(2, {"nl": "twee", "fr": "deux"})))


def joined(*tokens: str) -> ClassSession:
    room = session()
    for token in tokens:
        assert room.join(Hello(token, "nl")) is not None
    return room


def test_a_phone_votes_changes_its_vote_and_counts_once() -> None:
    room = joined(A, B)
    room.open_vote(question())  # type: ignore[arg-type]
    room.receive(A, Vote(1, 1))
    room.receive(A, Vote(1, 2))
    room.receive(A, Vote(1, 2))
    room.receive(B, Vote(1, 2))
    tally = room.tally()
    assert tally.counts == {1: 0, 2: 2}
    assert tally.voters == 2
    assert tally.leaders() == [2]


def test_votes_outside_an_open_question_change_nothing() -> None:
    room = joined(A)
    room.receive(A, Vote(1, 1))  # nothing open yet
    room.open_vote(question(1))  # type: ignore[arg-type]
    room.receive(A, Vote(7, 1))  # a stale question
    room.receive(A, Vote(1, 9))  # no such choice
    assert room.tally().voters == 0
    room.pause()
    room.receive(A, Vote(1, 1))
    assert room.tally().voters == 0
    room.resume()
    room.receive(A, Vote(1, 1))
    room.close_vote()
    room.receive(A, Vote(1, 2))  # closed: the vote stays as it was
    assert room.tally().counts == {1: 1, 2: 0}


def test_a_stranger_token_cannot_vote() -> None:
    room = joined(A)
    room.open_vote(question())  # type: ignore[arg-type]
    assert room.receive(B, Vote(1, 1)) == []
    assert room.tally().voters == 0


def test_reconnecting_keeps_the_vote_and_a_tie_lists_every_leader() -> None:
    room = joined(A, B)
    room.open_vote(question())  # type: ignore[arg-type]
    room.receive(A, Vote(1, 1))
    room.receive(B, Vote(1, 2))
    room.leave(A)
    assert room.tally().connected == 1
    _welcome, state = room.join(Hello(A, None)) or []
    assert state.message["vote"] == 1
    assert room.tally().leaders() == [1, 2]


def test_each_phone_gets_the_question_in_its_own_language() -> None:
    room = joined(A)
    room.join(Hello(B, "fr"))
    out = {o.token: o.message for o in room.open_vote(question())}  # type: ignore[arg-type]
    assert [c["label"] for c in out[A]["question"]["choices"]] == ["een", "twee"]
    assert [c["label"] for c in out[B]["question"]["choices"]] == ["un", "deux"]
    replies = room.receive(A, SetLang("fr"))
    assert replies[0].message["words"] == {"exit": "Sortie"}
    assert replies[1].message["question"]["choices"][0]["label"] == "un"
    assert room.receive(A, SetLang("xx")) == []


def test_the_room_refuses_phones_beyond_its_bound() -> None:
    room = session()
    for i in range(MAX_PHONES):
        assert room.join(Hello(f"{i:032x}", "nl")) is not None
    assert room.join(Hello("f" * 32, "nl")) is None
    assert room.join(Hello(f"{0:032x}", "nl")) is not None  # a known phone always comes back


def test_a_new_class_forgets_every_phone() -> None:
    room = joined(A, B)
    room.open_vote(question())  # type: ignore[arg-type]
    room.receive(A, Vote(1, 1))
    room.clear("9999", "new")
    assert (room.pin, room.phones, room.votes, room.tally().joined) == ("9999", {}, {}, 0)
    assert room.receive(A, Vote(1, 1)) == []


def test_the_emergency_exit_is_a_count_only() -> None:
    room = joined(A, B)
    parsed = parse('{"type": "exit"}')
    assert parsed is not None
    assert room.receive(A, parsed) == []
    room.receive(A, parsed)
    assert room.exits == 1
    assert room.tally() == joined(A, B).tally()  # nothing the projector shows changes


def test_parse_reads_only_well_formed_messages() -> None:
    assert parse(json.dumps({"type": "hello", "token": A, "lang": "fr"})) == Hello(A, "fr")
    assert parse(json.dumps({"type": "vote", "question": 3, "choice": 2})) == Vote(3, 2)
    for bad in ['{"type": "vote", "question": true, "choice": 1}', '{"type": "vote", "question": 1.5, "choice": 1}',
                '{"type": "vote", "question": -1, "choice": 1}', '{"type": "hello", "token": "short"}',
                '{"type": "hello", "token": "' + "A" * 32 + '"}', '["vote"]', "null", "{", "\x00",
                '{"type": "pin", "pin": "1234"}', " " * (MAX_MESSAGE_BYTES + 1), "[" * 100_000]:
        assert parse(bad) is None, bad


@given(st.one_of(st.text(max_size=300), st.binary(max_size=300),
                 st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                              lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                         max_size=4),
                              max_leaves=20).map(json.dumps)))
def test_any_message_leaves_other_phones_votes_alone(raw: str | bytes) -> None:
    room = joined(A, B)
    room.open_vote(question())  # type: ignore[arg-type]
    room.receive(B, Vote(1, 2))
    message = parse(raw)
    if message is not None and not isinstance(message, Hello):
        room.receive(A, message)
    assert room.votes.get(B) == 2
    assert set(room.votes) <= {A, B}
