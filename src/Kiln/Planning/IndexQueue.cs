namespace Kiln.Planning;

/// <summary>
/// A min-heap of target indexes: the planner's ready targets, lowest (declared first) out first. Its own type rather
/// than PriorityQueue&lt;TargetNode, int&gt;, which is compiled just in time on every start, where this is compiled
/// ahead of time with the engine.
/// </summary>
internal sealed class IndexQueue(int capacity)
{
    private readonly int[] heap = new int[capacity];
    private int count;

    public void Enqueue(int index)
    {
        var position = count++;
        heap[position] = index;
        while (position > 0)
        {
            var parent = (position - 1) / 2;
            if (heap[parent] <= heap[position])
            {
                break;
            }

            (heap[parent], heap[position]) = (heap[position], heap[parent]);
            position = parent;
        }
    }

    public bool TryDequeue(out int index)
    {
        if (count == 0)
        {
            index = -1;
            return false;
        }

        index = heap[0];
        heap[0] = heap[--count];
        var position = 0;
        while (true)
        {
            var smallest = position;
            var left = (2 * position) + 1;
            var right = left + 1;
            if (left < count && heap[left] < heap[smallest])
            {
                smallest = left;
            }

            if (right < count && heap[right] < heap[smallest])
            {
                smallest = right;
            }

            if (smallest == position)
            {
                return true;
            }

            (heap[smallest], heap[position]) = (heap[position], heap[smallest]);
            position = smallest;
        }
    }
}
