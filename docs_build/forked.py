"""Work done by a forked copy of this process on another core, while this process goes on with its own.

MkDocs renders pages one after another on one core. A fork shares everything the build has made so far
(configuration, files, pages, the atlas) without copying or pickling it; the child does its share of the
work in order and sends each result back as soon as it is done. A reader thread drains the pipe, so the
child never waits for the parent. Whatever the child could not do (an exception, a result that does not
pickle, the child gone) comes back as "not done", and the parent does that item itself: the output never
depends on the child.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

Item = TypeVar("Item")
NOT_DONE = object()  # what `result` returns for an item the child did not do


class ForkedMap(Generic[Item]):
    """`work(item)` for each item, computed in a forked child; `result(i)` waits for item i's."""

    def __init__(self, items: Sequence[Item], work: Callable[[Item], Any], setup: Callable[[], None] = lambda: None) -> None:
        """Fork now; the child runs `setup` once, then `work` over the items."""
        read_end, write_end = os.pipe()
        self._pid = os.fork()
        if self._pid == 0:  # the child: work, send, and leave without running the parent's exit handlers
            os.close(read_end)
            _serve(items, work, setup, write_end)
        os.close(write_end)
        self._count = len(items)
        self._results: dict[int, Any] = {}
        self._finished = False
        self._arrived = threading.Condition()
        self._reader = threading.Thread(target=self._read, args=(read_end,), name="forked-map-reader", daemon=True)
        self._reader.start()

    def result(self, index: int) -> Any:
        """Item `index`'s result, waiting for it; NOT_DONE when the child failed at it or is gone."""
        with self._arrived:
            self._arrived.wait_for(lambda: index in self._results or self._finished)
            return self._results.pop(index, NOT_DONE)

    def close(self) -> None:
        """Stop the child if it still runs and reap it."""
        try:
            os.kill(self._pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self._pid, 0)
        self._reader.join()

    def _read(self, read_end: int) -> None:
        with os.fdopen(read_end, "rb") as pipe:
            try:
                while True:
                    index, done, result = pickle.load(pipe)
                    with self._arrived:
                        self._results[index] = result if done else NOT_DONE
                        self._arrived.notify_all()
            except (EOFError, pickle.UnpicklingError, OSError):
                pass  # the child finished or died: every item not sent is done by the parent
            finally:
                with self._arrived:
                    self._finished = True
                    self._arrived.notify_all()


def _serve(items: Sequence[Any], work: Callable[[Any], Any], setup: Callable[[], None], write_end: int) -> None:
    """The child's whole life: each result down the pipe as soon as it is made, then exit."""
    code = 0
    try:
        setup()
        with os.fdopen(write_end, "wb") as pipe:
            for index, item in enumerate(items):
                try:
                    frame = pickle.dumps((index, True, work(item)), protocol=pickle.HIGHEST_PROTOCOL)
                except Exception:  # noqa: BLE001 - the parent does this item itself and meets the error there
                    frame = pickle.dumps((index, False, None), protocol=pickle.HIGHEST_PROTOCOL)
                pipe.write(frame)
                pipe.flush()
    except BaseException:  # noqa: BLE001 - a broken pipe or a signal: the parent does the rest
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)

