namespace LeadScoring.Scoring;

/// <summary>
/// An in-place heap sort over a span with a struct comparer: O(n log n) in the worst case and, unlike
/// <c>Span.Sort(comparer)</c> (which boxes the comparer into a delegate), no allocation on the scoring path.
/// </summary>
internal static class HeapSort
{
    public static void Sort<T, TComparer>(Span<T> items, TComparer comparer)
        where TComparer : struct, IComparer<T>
    {
        for (int i = (items.Length / 2) - 1; i >= 0; i--)
        {
            SiftDown(items, i, items.Length, comparer);
        }

        for (int end = items.Length - 1; end > 0; end--)
        {
            (items[0], items[end]) = (items[end], items[0]);
            SiftDown(items, 0, end, comparer);
        }
    }

    private static void SiftDown<T, TComparer>(Span<T> items, int root, int length, TComparer comparer)
        where TComparer : struct, IComparer<T>
    {
        while (true)
        {
            int child = (2 * root) + 1;
            if (child >= length)
            {
                return;
            }

            if (child + 1 < length && comparer.Compare(items[child], items[child + 1]) < 0)
            {
                child++;
            }

            if (comparer.Compare(items[root], items[child]) >= 0)
            {
                return;
            }

            (items[root], items[child]) = (items[child], items[root]);
            root = child;
        }
    }
}
