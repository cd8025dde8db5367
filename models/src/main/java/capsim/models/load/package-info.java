/**
 * Reading model files (CONTRACT.md section 1). {@link capsim.models.load.ModelLoader} is the entry
 * point: {@code TreeReader} turns YAML or JSON into a small tree that remembers the line and column
 * of every key and value (with bounded alias expansion), then one binder per section
 * ({@code ModelBinder}, {@code TierBinder}, {@code WorkloadBinder}, {@code ClassBinder},
 * {@code ProfileBinder}, {@code DistBinder}, {@code SloBinder}) checks and binds it to the
 * {@code capsim.models.spec} records through {@code Section}'s typed accessors, collecting every
 * problem as a {@link capsim.models.load.ModelError}. {@code Distributions} turns a bound
 * distribution into a sampler of {@code capsim.engine.dist}.
 */
package capsim.models.load;
