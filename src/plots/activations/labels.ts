/** How the activation functions are named and coloured in every figure and legend. */
import type { FunctionName } from '../../models/activations/functions';

export const FUNCTION_LABELS: Record<FunctionName, string> = {
  sigmoid: 'Sigmoid',
  tanh: 'tanh',
  relu: 'ReLU',
  leakyRelu: 'Leaky ReLU',
  prelu: 'PReLU',
  rrelu: 'RReLU',
  elu: 'ELU',
};

/** One mid-tone colour per function, readable on the light and the dark background. */
export const FUNCTION_COLORS: Record<FunctionName, string> = {
  sigmoid: '#3b7dd8',
  tanh: '#0c8599',
  relu: '#e0621b',
  leakyRelu: '#2f9e44',
  prelu: '#c2255c',
  rrelu: '#7950f2',
  elu: '#b08800',
};
