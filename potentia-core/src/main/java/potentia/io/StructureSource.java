package potentia.io;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import potentia.structure.Structure;

/**
 * Structures read one at a time from a file (or any text source), never all held at once.
 * Single pass: {@link #iterator()} and {@link #stream()} continue from where {@link #next()} is.
 * Errors are {@link StructureFileException}s (unchecked, so they pass through iterators).
 */
public interface StructureSource extends AutoCloseable, Iterable<Structure> {

    /** The next structure, or null at the end. */
    Structure next();

    /** Releases the file; idempotent. */
    @Override
    void close();

    /** The remaining structures; the iterator reads lazily, one frame ahead at most. */
    @Override
    default Iterator<Structure> iterator() {
        return new Iterator<>() {
            private Structure ahead;

            @Override
            public boolean hasNext() {
                if (ahead == null) {
                    ahead = StructureSource.this.next();
                }
                return ahead != null;
            }

            @Override
            public Structure next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Structure s = ahead;
                ahead = null;
                return s;
            }
        };
    }

    /** The remaining structures as a sequential stream; closing the stream closes this source. */
    default Stream<Structure> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
    }
}
