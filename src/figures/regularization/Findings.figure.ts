import { defineFigure } from '../figure';

export default defineFigure({
  name: 'Findings',
  description:
    '“What we found”: sentences whose numbers come from this build’s own runs of the Experiment and PruneRetrain figures on the same page, with the settings the article gave them; never typed into the article.',
  defaultId: 'findings',
  frame: null,
  settings: {},
  reads: ['Experiment', 'PruneRetrain'],
});
