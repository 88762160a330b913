package potentia.relax;

/**
 * What an optimiser minimises: a function of a flat vector of degrees of freedom, grouped in
 * threes (an atom, or a row of the cell's deformation gradient), with its generalised force.
 * Mutable (it reuses a neighbour list); one per relaxation.
 */
sealed interface Objective permits PositionObjective, CellObjective {

    /** The starting point, a fresh array. */
    double[] initial();

    /**
     * Evaluates the objective.
     *
     * @param x the degrees of freedom (not modified)
     */
    Evaluation evaluate(double[] x);

    /**
     * Removes the components of a step the constraints forbid (fixed coordinates, cell
     * directions that may not change).
     *
     * @param dx a step, modified in place
     */
    void project(double[] dx);
}
