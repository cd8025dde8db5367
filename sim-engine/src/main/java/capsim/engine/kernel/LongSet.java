package capsim.engine.kernel;

/**
 * A small open-addressing set of non-negative longs (linear probing, backward-shift deletion),
 * used to remember cancelled events without boxing.
 */
final class LongSet {
    private static final long EMPTY = -1L;
    private long[] slots = newSlots(16);
    private int size;

    private static long[] newSlots(int n) {
        long[] a = new long[n];
        java.util.Arrays.fill(a, EMPTY);
        return a;
    }

    int size() {
        return size;
    }

    boolean add(long key) {
        if ((size + 1) * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        int mask = slots.length - 1;
        int i = index(key, mask);
        while (slots[i] != EMPTY) {
            if (slots[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = key;
        size++;
        return true;
    }

    boolean remove(long key) {
        if (size == 0) {
            return false;
        }
        int mask = slots.length - 1;
        int i = index(key, mask);
        while (slots[i] != EMPTY) {
            if (slots[i] == key) {
                deleteAt(i, mask);
                size--;
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    private void deleteAt(int hole, int mask) {
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            long k = slots[i];
            if (k == EMPTY) {
                break;
            }
            int home = index(k, mask);
            // move k into the hole if the hole lies cyclically between home and i
            boolean move = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
            if (move) {
                slots[hole] = k;
                hole = i;
            }
        }
        slots[hole] = EMPTY;
    }

    private void rehash(int capacity) {
        long[] old = slots;
        slots = newSlots(capacity);
        size = 0;
        for (long k : old) {
            if (k != EMPTY) {
                add(k);
            }
        }
    }

    static int index(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
