"""Work shared with a forked copy of this process: it takes items from the back while this one takes them from the front.

MkDocs renders pages one after another on one core. A fork shares everything the build has made so far
(configuration, files, pages, the atlas) without copying or pickling it. The child works through the
items from the last one backwards and sends each result as soon as it is made; a reader thread drains the
pipe, so the child never waits for the parent. The parent goes forwards: an item the child has finished
is taken, one it is working on is waited for, and one it has not started is claimed and done by the
parent itself (the child skips claimed items). So the two meet wherever their speeds put them, on an idle
machine or a loaded one. Whatever the child could not do (an exception, a result that does not pickle, the
child gone) is done by the parent: the output never depends on the child.

Work may come in stages (MkDocs converts every page, then puts every page into the theme): the child then
takes the next stage of the items it did, again from the last, and the parent meets it there the same way.
"""

from __future__ import annotations

import mmap
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

Item = TypeVar("Item")
NOT_DONE = object()  # what `result` returns for an item the parent is to do itself
#: An item's state, one byte each in memory the two processes share. Both may do an item when a claim and a
#: start cross; the parent then uses its own result, which is the same.
FREE, STARTED, CLAIMED = 0, 1, 2


class ForkedMap(Generic[Item]):
    """`work(item)` for items, shared with a forked child; `result(i)` is the child's result or NOT_DONE."""

    def __init__(self, items: Sequence[Item], work: Callable[[Item], Any], setup: Callable[[], None] = lambda: None,
                 then: Callable[[Item], Any] | None = None) -> None:
        """Fork now; the child runs `setup` once, then `work` over the items from the last.

        `then`: a second stage, which the child runs over the items whose `work` it did (`result(i, stage=1)`).
        """
        self._stages = [work] if then is None else [work, then]
        self._count = len(items)
        # Anonymous and shared: the fork sees the same bytes. One byte per item and stage.
        self._states = mmap.mmap(-1, max(len(items) * len(self._stages), 1))
        read_end, write_end = os.pipe()
        self._pid = os.fork()
        if self._pid == 0:  # the child: work, send, and leave without running the parent's exit handlers
            os.close(read_end)
            _serve(items, self._stages, setup, self._states, write_end)
        os.close(write_end)
        self._results: dict[tuple[int, int], Any] = {}
        self._finished = False
        self._arrived = threading.Condition()
        self._reader = threading.Thread(target=self._read, args=(read_end,), name="forked-map-reader", daemon=True)
        self._reader.start()

    def result(self, index: int, stage: int = 0) -> Any:
        """The child's result for item `index`, waiting for it if the child has started it; else NOT_DONE.

        An item the child has not started is claimed: the child will not start it, the caller does it.
        Ask in increasing order of items within a stage, and for a later stage only of items whose earlier
        stage came from the child.
        """
        key, state = (stage, index), stage * self._count + index
        with self._arrived:
            if key not in self._results and self._states[state] == FREE:
                self._states[state] = CLAIMED
                return NOT_DONE
            self._arrived.wait_for(lambda: key in self._results or self._finished)
            return self._results.pop(key, NOT_DONE)

    def close(self) -> None:
        """Stop the child if it still runs and reap it."""
        try:
            os.kill(self._pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self._pid, 0)
        self._reader.join()
        self._states.close()

    def _read(self, read_end: int) -> None:
        with os.fdopen(read_end, "rb") as pipe:
            try:
                while True:
                    key, done, result = pickle.load(pipe)
                    with self._arrived:
                        self._results[key] = result if done else NOT_DONE
                        self._arrived.notify_all()
            except (EOFError, pickle.UnpicklingError, OSError):
                pass  # the child finished or died: every item not sent is done by the parent
            finally:
                with self._arrived:
                    self._finished = True
                    self._arrived.notify_all()


def _serve(items: Sequence[Any], stages: list[Callable[[Any], Any]], setup: Callable[[], None], states: mmap.mmap,
           write_end: int) -> None:
    """The child's whole life: items from the last one back, each result down the pipe when made, stage after
    stage (each over the items the child did in the one before), then exit."""
    code = 0
    try:
        setup()
        with os.fdopen(write_end, "wb") as pipe:
            mine: Sequence[int] = range(len(items) - 1, -1, -1)
            for stage, work in enumerate(stages):
                done = []
                for index in mine:
                    state = stage * len(items) + index
                    if states[state] == CLAIMED:
                        break  # the parent has come this far: everything before is its own
                    states[state] = STARTED
                    try:
                        frame = pickle.dumps(((stage, index), True, work(items[index])), protocol=pickle.HIGHEST_PROTOCOL)
                        done.append(index)
                    except Exception:  # noqa: BLE001 - the parent does this item itself and meets the error there
                        frame = pickle.dumps(((stage, index), False, None), protocol=pickle.HIGHEST_PROTOCOL)
                    pipe.write(frame)
                    pipe.flush()
                mine = done
    except BaseException:  # noqa: BLE001 - a broken pipe or a signal: the parent does the rest
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
